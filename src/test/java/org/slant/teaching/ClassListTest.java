package org.slant.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassListTest {

    @Test
    void readsNamesWithAnOptionalHeaderQuotesAndBlankLines() {
        ClassList list = ClassList.parse("\uFEFFName\n\nAna Lima\n\"Lima, Bo\"\n\"Cy \"\"C\"\" Ng\",\n  Zoë  \n");

        assertThat(list.ok()).isTrue();
        assertThat(list.names()).containsExactly("Ana Lima", "Lima, Bo", "Cy \"C\" Ng", "Zoë");
    }

    @Test
    void aNameCalledNameAfterTheFirstLineIsAName() {
        assertThat(ClassList.parse("Ana\nname").names()).containsExactly("Ana", "name");
    }

    @Test
    void reportsEveryProblemWithItsLineNumber() {
        ClassList list = ClassList.parse("name\nAna\nLima, Bo\n\"Cy\n\nAna\nx\"y\n" + "z".repeat(81));

        assertThat(list.names()).containsExactly("Ana");
        assertThat(list.problems()).extracting(Object::toString).containsExactly(
                "line 3: expected one name, found 2 fields; put a name with a comma in double quotes",
                "line 4: a quoted name is not closed (a \" is missing)",
                "line 6: \"Ana\" is already on line 2; add an initial so the two can be told apart",
                "line 7: a quote inside an unquoted name at column 2; quote the whole name and double the quote",
                "line 8: The name \"zzzzzzzzzzzzzzzzzzzz...\" is longer than 80 characters");
    }

    @Test
    void anEmptyListIsAProblem() {
        assertThat(ClassList.parse("name\n\n").problems()).extracting(ClassList.Problem::message)
                .containsExactly("the class list holds no names");
    }

    @Test
    void classCodesUseAnUnambiguousAlphabet() {
        assertThat(ClassCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        assertThat(ClassCode.isValid(ClassCode.generate(new java.util.Random(1)))).isTrue();
        assertThat(ClassCode.normalize(" k7m-2qx ")).isEqualTo("K7M2QX");
        assertThat(ClassCode.isValid("K7M2Q0")).isFalse();
    }
}
