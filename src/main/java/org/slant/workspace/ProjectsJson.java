package org.slant.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slant.exchange.SlantJson;
import org.slant.label.Scheme;
import org.slant.project.DocumentStatus;
import org.slant.project.Project;
import org.slant.project.ProjectRole;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/** The JSON of projects.json and queues/{user}.json, field by field like {@link SlantJson}. */
final class ProjectsJson {

    static final String PROJECTS_FORMAT = "slant-projects/1";
    static final String QUEUE_FORMAT = "slant-queue/1";

    private ProjectsJson() {
    }

    static void writeProjects(JsonGenerator g, List<Project> projects) {
        g.writeStartObject();
        g.writeStringProperty("format", PROJECTS_FORMAT);
        g.writeName("projects");
        g.writeStartArray();
        for (Project p : projects) {
            g.writeStartObject();
            g.writeStringProperty("id", p.id());
            g.writeStringProperty("name", p.name());
            g.writeBooleanProperty("othersVisible", p.othersVisible());
            g.writeBooleanProperty("assignAll", p.assignAll());
            g.writeName("members");
            g.writeStartObject();
            p.members().forEach((user, role) -> g.writeStringProperty(user, role.name().toLowerCase(Locale.ROOT)));
            g.writeEndObject();
            g.writeName("documents");
            g.writeStartArray();
            p.documents().forEach(g::writeString);
            g.writeEndArray();
            g.writeName("assignments");
            g.writeStartObject();
            p.assignments().forEach((document, users) -> {
                g.writeName(document);
                g.writeStartArray();
                users.forEach(g::writeString);
                g.writeEndArray();
            });
            g.writeEndObject();
            SlantJson.writeScheme(g, p.labels());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static List<Project> readProjects(JsonNode root) {
        SlantJson.requireFormat(root, PROJECTS_FORMAT);
        JsonNode array = root.get("projects");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("\"projects\" must be an array");
        }
        List<Project> projects = new ArrayList<>();
        int i = 0;
        for (JsonNode n : array.values()) {
            String where = "projects[" + i++ + "]";
            if (!n.isObject()) {
                throw new IllegalArgumentException(where + ": expected an object");
            }
            String id = SlantJson.string(n, "id", where, true);
            where = "project " + id;
            try {
                Map<String, ProjectRole> members = new LinkedHashMap<>();
                for (var e : object(n, "members").properties()) {
                    if (!e.getValue().isString()) {
                        throw new IllegalArgumentException("member " + e.getKey() + ": the role must be a string");
                    }
                    members.put(e.getKey(), role(e.getValue().stringValue(), e.getKey()));
                }
                Map<String, Set<String>> assignments = new LinkedHashMap<>();
                for (var e : object(n, "assignments").properties()) {
                    assignments.put(e.getKey(), strings(e.getValue(), "assignments: \"" + e.getKey() + '"'));
                }
                Scheme labels = SlantJson.readScheme(n);
                projects.add(new Project(id, SlantJson.string(n, "name", "", true), labels, members,
                        bool(n, "othersVisible"), bool(n, "assignAll"), strings(n.get("documents"), "\"documents\""),
                        assignments));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        Project.checkAll(projects);
        return projects;
    }

    static void writeQueue(JsonGenerator g, String user, Map<String, DocumentStatus> marks) {
        g.writeStartObject();
        g.writeStringProperty("format", QUEUE_FORMAT);
        g.writeStringProperty("user", user);
        g.writeName("documents");
        g.writeStartObject();
        new java.util.TreeMap<>(marks).forEach((document, status) ->
                g.writeStringProperty(document, status.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        g.writeEndObject();
        g.writeEndObject();
    }

    static Map<String, DocumentStatus> readQueue(JsonNode root, String user) {
        SlantJson.requireFormat(root, QUEUE_FORMAT);
        String owner = SlantJson.string(root, "user", "", true);
        if (!owner.equals(user)) {
            throw new IllegalArgumentException("\"user\" is \"" + owner + "\" but the file name says \"" + user + '"');
        }
        Map<String, DocumentStatus> marks = new LinkedHashMap<>();
        for (var e : object(root, "documents").properties()) {
            String value = e.getValue().isString() ? e.getValue().stringValue() : String.valueOf(e.getValue());
            DocumentStatus status = switch (value) {
                case "in-progress" -> DocumentStatus.IN_PROGRESS;
                case "done" -> DocumentStatus.DONE;
                default -> throw new IllegalArgumentException("document " + e.getKey()
                        + ": the status must be \"in-progress\" or \"done\", got: " + value);
            };
            marks.put(org.slant.document.DocumentId.require(e.getKey(), "Document id"), status);
        }
        return marks;
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException('"' + field + "\" must be an object");
        }
        return v;
    }

    private static Set<String> strings(JsonNode v, String what) {
        Set<String> values = new LinkedHashSet<>();
        if (v == null || v.isNull()) {
            return values;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(what + " must be an array of strings");
        }
        for (JsonNode s : v.values()) {
            if (!s.isString()) {
                throw new IllegalArgumentException(what + " must be an array of strings");
            }
            values.add(s.stringValue());
        }
        return values;
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException('"' + field + "\" must be true or false");
        }
        return v.booleanValue();
    }

    private static ProjectRole role(String value, String user) {
        return switch (value) {
            case "curator" -> ProjectRole.CURATOR;
            case "annotator" -> ProjectRole.ANNOTATOR;
            default -> throw new IllegalArgumentException("member " + user
                    + ": the role must be \"curator\" or \"annotator\", got: " + value);
        };
    }
}
