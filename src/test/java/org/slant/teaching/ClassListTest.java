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
    void anUploadThatIsNotUtf8IsRefusedWithTheLineOfTheBadByteNotReadWithReplacementCharacters() {
        // "Zoë" from a spreadsheet saved as Latin-1: 0xEB is no UTF-8
        byte[] latin1 = "name\nAna\nZo\u00eb Lima\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ClassList list = ClassList.parse(latin1);
        assertThat(list.names()).isEmpty();
        assertThat(list.problems()).extracting(Object::toString)
                .containsExactly("line 3: not valid UTF-8: bad byte 0xEB at byte 11; save the list as CSV UTF-8 and upload it again");

        assertThat(ClassList.parse(new byte[] {'A', 'n', 'a', 0, 1, 2}).problems()).singleElement().asString()
                .contains("binary file");
        assertThat(ClassList.parse("\uFEFFname\nZo\u00eb Lima\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).names())
                .containsExactly("Zo\u00eb Lima");
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
