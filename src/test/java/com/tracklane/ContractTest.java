package com.tracklane;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tracklane.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the code and the contract file {@code openapi/openapi.yaml} from drifting apart: the served document is the
 * file, every JAX-RS operation is in the contract and every contract operation is implemented, and real responses
 * validate against the contract's schemas.
 */
@QuarkusTest
class ContractTest {

    static final String CONTRACT_FILE = "openapi/openapi.yaml";
    static final String CONTRACT_RESOURCE = "openapi/openapi.yaml";
    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode contract() {
        try {
            return new YAMLMapper().readTree(java.nio.file.Path.of(CONTRACT_FILE).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // (a) ----------------------------------------------------------------------------------------------------------

    @Test
    void shouldServeTheContractFileAsIs() throws Exception {
        String served = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode expected = contract();
        JsonNode actual = withoutQuarkusAdditions(JSON.readTree(served), expected);

        // The file is served as is (mp.openapi.scan.disable=true): apart from what Quarkus adds by itself (below), the
        // whole trees must be equal — info, tags, paths with every operation, parameter and response, and every
        // component. ObjectNode equality ignores key order, which YAML → model → JSON does not keep anyway.
        assertThat(differences("", expected, actual)).as("differences between %s and /q/openapi", CONTRACT_FILE)
                .isEmpty();
        // the parts that matter most, named so that a failure says where
        assertThat(actual.path("paths")).isEqualTo(expected.path("paths"));
        assertThat(actual.path("components").path("schemas")).isEqualTo(expected.path("components").path("schemas"));
    }

    @Test
    void shouldServeTheContractAlsoAsYaml() throws Exception {
        String served = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode expected = contract();
        JsonNode actual = withoutQuarkusAdditions(new YAMLMapper().readTree(served), expected);
        assertThat(differences("", expected, actual)).isEmpty();
    }

    /**
     * The served document without what Quarkus adds on its own. With quarkus-smallrye-jwt on the classpath, SmallRye
     * OpenAPI adds a bearer scheme {@code components.securitySchemes.SecurityScheme}
     * ({@code quarkus.smallrye-openapi.auto-add-security}, default true) even when annotation scanning is disabled and
     * even when the file declares its own schemes. No operation refers to it, so it is ignored here (unless the file
     * itself declares a scheme of that name); every other difference, in particular in {@code paths} and
     * {@code components.schemas}, fails the test.
     */
    static JsonNode withoutQuarkusAdditions(JsonNode served, JsonNode file) {
        ObjectNode copy = served.deepCopy();
        JsonNode fileSchemes = file.path("components").path("securitySchemes");
        if (copy.path("components") instanceof ObjectNode components
                && components.path("securitySchemes") instanceof ObjectNode schemes
                && !fileSchemes.has("SecurityScheme")) {
            schemes.remove("SecurityScheme");
            if (schemes.isEmpty() && fileSchemes.isMissingNode()) {
                components.remove("securitySchemes");
            }
        }
        return copy;
    }

    /** Every difference between two JSON trees, as {@code pointer: expected → actual}. */
    static List<String> differences(String at, JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    out.add(child + ": missing from the served document");
                } else if (!expected.has(name)) {
                    out.add(child + ": added by the served document: " + actual.get(name));
                } else {
                    out.addAll(differences(child, expected.get(name), actual.get(name)));
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                out.addAll(differences(at + "/" + i, expected.get(i), actual.get(i)));
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(at + ": " + expected + " → " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(at + ": " + expected + " → " + actual);
        }
        return out;
    }

    // (b) ----------------------------------------------------------------------------------------------------------

    /** The web pages' package: HTML for people, outside the JSON API's contract. */
    static final String WEB_PAGES = "com.tracklane.web";

    /** {@code POST /api/v1/eligibility}-style keys of every JAX-RS resource method in com.tracklane (but the web pages). */
    static Set<String> implementedOperations() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.tracklane");
        Set<String> operations = new TreeSet<>();
        for (JavaClass type : classes) {
            if (!type.isAnnotatedWith(Path.class) || type.getPackageName().startsWith(WEB_PAGES)) {
                continue; // the web pages (HTML) are not operations of the JSON API's contract
            }
            String base = pathValue(type.getAnnotationOfType(Path.class.getName()));
            for (JavaMethod method : type.getMethods()) {
                List<String> verbs = method.getAnnotations().stream()
                        .filter(a -> a.getRawType().isAnnotatedWith(HttpMethod.class))
                        .map(a -> String.valueOf(a.getRawType().getAnnotationOfType(HttpMethod.class.getName())
                                .get("value").orElseThrow()))
                        .toList();
                String sub = method.isAnnotatedWith(Path.class)
                        ? pathValue(method.getAnnotationOfType(Path.class.getName())) : "";
                if (verbs.isEmpty()) {
                    assertThat(method.isAnnotatedWith(Path.class))
                            .as("%s is a sub-resource locator, which this test does not follow", method.getFullName())
                            .isFalse();
                    continue;
                }
                for (String verb : verbs) {
                    operations.add(verb.toUpperCase(Locale.ROOT) + " " + join(base, sub));
                }
            }
        }
        return operations;
    }

    static String pathValue(JavaAnnotation<?> annotation) {
        return String.valueOf(annotation.get("value").orElseThrow());
    }

    /** Joins class and method paths and writes {@code {id: regex}} as {@code {id}}. */
    static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
    }

    static Set<String> contractOperations() {
        Set<String> operations = new TreeSet<>();
        JsonNode paths = contract().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (HTTP_METHODS.contains(name)) {
                    operations.add(name.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    @Test
    void shouldImplementExactlyTheOperationsOfTheContract() {
        Set<String> implemented = implementedOperations();
        Set<String> contracted = contractOperations();

        assertThat(implemented).as("the scan found the resources").contains("POST /api/v1/eligibility", "GET /api/v1/tracks");
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(implemented).as("implemented operations missing from " + CONTRACT_FILE)
                    .isSubsetOf(contracted);
            softly.assertThat(contracted).as("operations of " + CONTRACT_FILE + " without an implementation")
                    .isSubsetOf(implemented);
        });
    }

    // (b2) security: x-roles ⇔ @RolesAllowed -------------------------------------------------------------------

    /**
     * The roles each JAX-RS operation allows ({@code @RolesAllowed} on the method, else on its class), keyed like
     * {@link #implementedOperations()}; operations without {@code @RolesAllowed} map to an empty set.
     */
    static java.util.Map<String, Set<String>> implementedRoles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.tracklane");
        java.util.Map<String, Set<String>> out = new java.util.TreeMap<>();
        String rolesAllowed = jakarta.annotation.security.RolesAllowed.class.getName();
        for (JavaClass type : classes) {
            if (!type.isAnnotatedWith(Path.class) || type.getPackageName().startsWith(WEB_PAGES)) {
                continue; // the web pages (HTML) are not operations of the JSON API's contract
            }
            String base = pathValue(type.getAnnotationOfType(Path.class.getName()));
            Set<String> classRoles = type.isAnnotatedWith(rolesAllowed) ? roles(type.getAnnotationOfType(rolesAllowed)) : Set.of();
            for (JavaMethod method : type.getMethods()) {
                List<String> verbs = method.getAnnotations().stream()
                        .filter(a -> a.getRawType().isAnnotatedWith(HttpMethod.class))
                        .map(a -> String.valueOf(a.getRawType().getAnnotationOfType(HttpMethod.class.getName())
                                .get("value").orElseThrow()))
                        .toList();
                String sub = method.isAnnotatedWith(Path.class)
                        ? pathValue(method.getAnnotationOfType(Path.class.getName())) : "";
                Set<String> roles = method.isAnnotatedWith(rolesAllowed) ? roles(method.getAnnotationOfType(rolesAllowed)) : classRoles;
                for (String verb : verbs) {
                    out.put(verb.toUpperCase(Locale.ROOT) + " " + join(base, sub), roles);
                }
            }
        }
        return out;
    }

    static Set<String> roles(JavaAnnotation<?> annotation) {
        Object value = annotation.get("value").orElseThrow();
        Set<String> roles = new TreeSet<>();
        if (value instanceof Object[] array) {
            for (Object o : array) {
                roles.add(String.valueOf(o));
            }
        } else {
            roles.add(String.valueOf(value));
        }
        return roles;
    }

    /** The contract's {@code x-roles} of every operation (empty when it has none), and whether it declares security. */
    record ContractSecurity(Set<String> roles, boolean secured, boolean hasRolesExtension) {
    }

    static java.util.Map<String, ContractSecurity> contractSecurity(JsonNode contract) {
        java.util.Map<String, ContractSecurity> out = new java.util.TreeMap<>();
        JsonNode globalSecurity = contract.path("security");
        for (Iterator<Map.Entry<String, JsonNode>> it = contract.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!HTTP_METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode security = op.getValue().has("security") ? op.getValue().get("security") : globalSecurity;
                boolean secured = security.isArray() && !security.isEmpty();
                Set<String> roles = new TreeSet<>();
                op.getValue().path("x-roles").forEach(r -> roles.add(r.asText()));
                out.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        new ContractSecurity(roles, secured, op.getValue().has("x-roles")));
            }
        }
        return out;
    }

    /** Every disagreement between the contract's security and the implementation's {@code @RolesAllowed}. */
    static List<String> securityDifferences(java.util.Map<String, ContractSecurity> contract, java.util.Map<String, Set<String>> implemented) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ContractSecurity> e : contract.entrySet()) {
            ContractSecurity c = e.getValue();
            Set<String> code = implemented.get(e.getKey());
            if (c.secured() && (!c.hasRolesExtension() || c.roles().isEmpty())) {
                out.add(e.getKey() + ": secured in the contract but without x-roles");
            }
            if (!c.secured() && c.hasRolesExtension()) {
                out.add(e.getKey() + ": x-roles " + c.roles() + " on an operation without security");
            }
            if (code == null) {
                continue; // not implemented: the operations test reports it
            }
            if (!c.roles().equals(code)) {
                out.add(e.getKey() + ": x-roles " + c.roles() + " but @RolesAllowed " + code);
            }
            if (!code.isEmpty() && !c.secured()) {
                out.add(e.getKey() + ": @RolesAllowed " + code + " but no security in the contract");
            }
        }
        return out;
    }

    @Test
    void shouldDeclareExactlyTheRolesTheImplementationAllows() {
        java.util.Map<String, Set<String>> implemented = implementedRoles();
        java.util.Map<String, ContractSecurity> contracted = contractSecurity(contract());
        assertThat(implemented).as("the scan found @RolesAllowed").containsEntry("POST /api/v1/applications/{id}/decision", Set.of("officer"));
        assertThat(contracted.values().stream().filter(ContractSecurity::secured).count()).as("secured operations").isGreaterThanOrEqualTo(11);
        assertThat(securityDifferences(contracted, implemented)).as("x-roles in " + CONTRACT_FILE + " against @RolesAllowed").isEmpty();
        Set<String> known = new TreeSet<>(com.tracklane.security.Roles.ALL);
        contracted.forEach((op, c) -> assertThat(known).as(op + " x-roles are roles of com.tracklane.security.Roles").containsAll(c.roles()));
    }

    @Test
    void shouldNoticeWhenXRolesAndRolesAllowedDiffer() throws Exception {
        JsonNode doctored = contract().deepCopy();
        ObjectNode decision = (ObjectNode) doctored.path("paths").path("/api/v1/applications/{id}/decision").path("post");
        decision.putArray("x-roles").add("officer").add("intake");
        ObjectNode history = (ObjectNode) doctored.path("paths").path("/api/v1/applications/{id}/history").path("get");
        history.remove("x-roles");
        List<String> differences = securityDifferences(contractSecurity(doctored), implementedRoles());
        assertThat(differences).anyMatch(d -> d.startsWith("POST /api/v1/applications/{id}/decision: x-roles [intake, officer] but @RolesAllowed [officer]"))
                .anyMatch(d -> d.startsWith("GET /api/v1/applications/{id}/history: secured in the contract but without x-roles"));
    }

    @Test
    void shouldJoinResourcePathsLikeJaxRs() {
        assertThat(join("/api/v1", "/tracks/{id}")).isEqualTo("/api/v1/tracks/{id}");
        assertThat(join("api/v1/", "tracks/{id: [a-z-]+}")).isEqualTo("/api/v1/tracks/{id}");
        assertThat(join("/api/v1/eligibility", "")).isEqualTo("/api/v1/eligibility");
        assertThat(join("/", "")).isEqualTo("/");
    }

    // (c) ----------------------------------------------------------------------------------------------------------

    /** A schema of the contract (loaded from the classpath copy of the file), addressed by a JSON pointer. */
    static Schema schema(String pointer) {
        String text;
        try (InputStream in = ContractTest.class.getClassLoader().getResourceAsStream(CONTRACT_RESOURCE)) {
            assertThat(in).as("classpath resource " + CONTRACT_RESOURCE).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String iri = "https://tracklane.dev/test-schemas/" + CONTRACT_RESOURCE;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(iri, text)));
        return registry.getSchema(SchemaLocation.of(iri + "#" + pointer));
    }

    static List<String> violations(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(Error::toString).toList();
    }

    @Test
    void shouldAnswerTheSpecExampleWithADecisionOfTheContract() throws Exception {
        String body = given().contentType(ContentType.JSON).body(Examples.eligibilityText())
                .when().post("/api/v1/eligibility").then().statusCode(200).extract().asString();
        JsonNode decision = JSON.readTree(body);
        Schema schema = schema("/components/schemas/Decision");

        assertThat(violations(schema, decision)).isEmpty();

        // the schema does bite: a decision with an outcome outside the contract is rejected
        ObjectNode broken = decision.deepCopy();
        broken.put("outcome", "MAYBE");
        broken.remove("route");
        assertThat(violations(schema, broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    static Stream<Arguments> responses() {
        String batch = "{\"checks\":[" + Examples.eligibilityText() + ",{}]}";
        return Stream.of(
                Arguments.of("GET /api/v1/tracks", "get", "/api/v1/tracks?at=2020-09-10T00:00:00Z", null, 200,
                        "/paths/~1api~1v1~1tracks/get/responses/200/content/application~1json/schema"),
                Arguments.of("GET /api/v1/tracks/{id}", "get", "/api/v1/tracks/resident-kh-jp", null, 200,
                        "/components/schemas/RuleSetDetail"),
                Arguments.of("GET /api/v1/facts", "get", "/api/v1/facts", null, 200,
                        "/paths/~1api~1v1~1facts/get/responses/200/content/application~1json/schema"),
                Arguments.of("POST /api/v1/eligibility/batch", "post", "/api/v1/eligibility/batch", batch, 200,
                        "/components/schemas/BatchResponse"),
                Arguments.of("400 problem", "post", "/api/v1/eligibility", "{}", 400, "/components/schemas/Problem"),
                Arguments.of("422 problem", "post", "/api/v1/eligibility",
                        "{\"itinerary\":[{\"from\":\"PNH\",\"to\":\"BKK\",\"departure\":\"2020-09-14T10:00\",\"arrival\":\"2020-09-14T11:10\"}]}",
                        422, "/components/schemas/Problem"),
                Arguments.of("404 problem", "get", "/api/v1/tracks/nope", null, 404, "/components/schemas/Problem"),
                Arguments.of("405 problem", "get", "/api/v1/eligibility", null, 405, "/components/schemas/Problem"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void shouldAnswerWithDocumentsOfTheContract(String name, String method, String path, String body, int status,
                                                String pointer) throws Exception {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        String answer = (method.equals("get") ? request.when().get(path) : request.when().post(path))
                .then().statusCode(status).extract().asString();
        assertThat(violations(schema(pointer), JSON.readTree(answer))).isEmpty();
    }
}
