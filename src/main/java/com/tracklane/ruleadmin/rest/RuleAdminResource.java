package com.tracklane.ruleadmin.rest;

import static com.tracklane.security.Roles.RULES_ADMIN;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tracklane.common.ETags;
import com.tracklane.common.FieldError;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.JsonBodies;
import com.tracklane.common.Languages;
import com.tracklane.common.Messages;
import com.tracklane.common.NotFoundException;
import com.tracklane.common.PayloadTooLargeException;
import com.tracklane.common.PublicUrls;
import com.tracklane.common.RequestSchema;
import com.tracklane.common.Times;
import com.tracklane.ruleadmin.service.DryRunService;
import com.tracklane.ruleadmin.service.RuleAdminService;
import com.tracklane.ruleadmin.service.RuleSetInvalidException;
import com.tracklane.track.service.RuleSetJson;
import com.tracklane.track.repository.RuleSetEvent;
import com.tracklane.track.repository.RuleVersionRecord;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Rule administration: drafts, validation, dry runs, publication, suspension and history (role rules-admin). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RULES_ADMIN)
public class RuleAdminResource {

    /** A key written twice is refused (422), not silently replaced by its last value. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final RequestSchema<SuspensionRequest> SUSPENSION = RequestSchema.of("Suspension", SuspensionRequest.class);
    /** The schema's "is required", said with what the field is for. */
    private static final Map<String, String> SUSPENSION_HINTS = Map.of(
            "from", "is required: the instant from which entries are suspended, with an offset, e.g. 2021-01-14T00:00+09:00",
            "reason", "is required: why the track is suspended",
            "citation", "is required: {\"title\", \"url\", \"date\"} of the announcement");

    /** A suspension as the contract's {@code Suspension} schema describes it ({@code citation} is stored as written). */
    public record SuspensionRequest(String from, String reason, JsonNode citation) {
    }

    private final RuleAdminService admin;
    private final DryRunService dryRuns;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;
    private final PublicUrls links;

    public RuleAdminResource(RuleAdminService admin, DryRunService dryRuns, ObjectMapper mapper, SecurityIdentity identity,
                             PublicUrls links) {
        this.links = links;
        this.admin = admin;
        this.dryRuns = dryRuns;
        this.mapper = mapper;
        this.identity = identity;
    }

    /** A stored version: the document as written and what publication added. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record VersionView(String ruleSet, int version, RuleVersionRecord.State state, String status,
                              Instant effectiveFrom, Instant publishedAt, String publishedBy, String contentHash,
                              Instant createdAt, String createdBy, JsonNode document) {
    }

    public record HistoryEntry(long id, Instant at, RuleSetEvent.Action action, int version, String actor,
                               String contentHash, String detail) {
    }

    @GET
    @Path("/tracks/{id}/versions")
    public List<VersionView> versions(@PathParam("id") String id) {
        return admin.versions(id).stream().map(r -> view(r, false)).toList();
    }

    @POST
    @Path("/tracks/{id}/versions")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
    public Response create(@PathParam("id") String id, byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type) {
        RuleVersionRecord r = admin.createDraft(id, document(body, type), subject());
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location(id, r))
                .tag(ETags.of(r.etag)).entity(view(r, true)).build();
    }

    @GET
    @Path("/tracks/{id}/versions/{n}")
    public Response get(@PathParam("id") String id, @PathParam("n") String n) {
        RuleVersionRecord r = admin.version(id, number(id, n));
        return Response.ok(view(r, true)).tag(ETags.of(r.etag)).build();
    }

    @PUT
    @Path("/tracks/{id}/versions/{n}")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
    public Response update(@PathParam("id") String id, @PathParam("n") String n, byte[] body,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, @HeaderParam("If-Match") String ifMatch) {
        int number = number(id, n);
        JsonNode doc = document(body, type);
        RuleVersionRecord r = admin.updateDraft(id, number, doc, ETags.required(ifMatch, "version"), subject());
        return Response.ok(view(r, true)).tag(ETags.of(r.etag)).build();
    }

    @DELETE
    @Path("/tracks/{id}/versions/{n}")
    public Response delete(@PathParam("id") String id, @PathParam("n") String n, @HeaderParam("If-Match") String ifMatch) {
        admin.deleteDraft(id, number(id, n), ETags.optional(ifMatch, "version"), subject());
        return Response.noContent().build();
    }

    @POST
    @Path("/tracks/{id}/versions/{n}/publish")
    public Response publish(@PathParam("id") String id, @PathParam("n") String n, @HeaderParam("If-Match") String ifMatch) {
        int number = number(id, n);
        RuleVersionRecord r = admin.publish(id, number, ETags.required(ifMatch, "version"), subject());
        return Response.ok(view(r, true)).tag(ETags.of(r.etag)).build();
    }

    @POST
    @Path("/tracks/{id}/versions/{n}/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    public DryRunService.Result dryRun(@PathParam("id") String id, @PathParam("n") String n, byte[] body,
                                       HttpHeaders headers) throws JsonProcessingException {
        int number = number(id, n);
        JsonNode json = JsonBodies.parse(mapper, body);
        return dryRuns.run(id, number, json, Languages.pick(headers.getAcceptableLanguages()));
    }

    @POST
    @Path("/tracks/{id}/suspensions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response suspend(@PathParam("id") String id, byte[] body) throws JsonProcessingException {
        RequestSchema.Checked<SuspensionRequest> checked = SUSPENSION.check(mapper, JsonBodies.parse(mapper, body));
        SuspensionRequest request = checked.value();
        List<FieldError> errors = new java.util.ArrayList<>(checked.errors().stream().map(RuleAdminResource::hinted).toList());
        // What the schema cannot say: an instant with an offset (in the accepted years), a reason that is not blank.
        java.util.Optional<java.time.OffsetDateTime> from = java.util.Optional.empty();
        if (request.from() != null) {
            from = Times.parseOffsetDateTime(request.from());
            if (from.isEmpty()) {
                errors.add(new FieldError("from", "expected an instant with an offset or Z, e.g. 2021-01-14T00:00+09:00"));
            }
        }
        if (request.reason() != null && request.reason().isBlank()) {
            errors.add(new FieldError("reason", SUSPENSION_HINTS.get("reason")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The suspension has " + errors.size() + " invalid field(s).", errors);
        }
        String fromText = from.orElseThrow().toString();
        JsonNode citation = request.citation();
        RuleVersionRecord r = admin.suspend(id, fromText, request.reason(), citation, subject());
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location(id, r))
                .tag(ETags.of(r.etag)).entity(view(r, true)).build();
    }

    private static FieldError hinted(FieldError e) {
        return "is required".equals(e.message()) && SUSPENSION_HINTS.containsKey(e.field())
                ? new FieldError(e.field(), SUSPENSION_HINTS.get(e.field())) : e;
    }

    /** The new version's address: relative, or under tracklane.public-base-url; never from the Host header. */
    private String location(String id, RuleVersionRecord r) {
        return links.to("/api/v1/tracks/" + r.ruleSetId() + "/versions/" + r.number());
    }

    @GET
    @Path("/tracks/{id}/history")
    public List<HistoryEntry> history(@PathParam("id") String id) {
        return admin.history(id).stream().map(e -> new HistoryEntry(e.id, e.at, e.action, e.versionNumber, e.actor,
                e.contentHash, e.detail)).toList();
    }

    private JsonNode document(byte[] body, String type) {
        if (body != null && body.length > JsonBodies.MAX_BYTES) {
            throw new PayloadTooLargeException(body.length, JsonBodies.MAX_BYTES);
        }
        if (body == null || body.length == 0) {
            throw InvalidInputException.of("(body)", "a version document (YAML or JSON) is required");
        }
        boolean yaml = type != null && type.toLowerCase(java.util.Locale.ROOT).contains("yaml");
        try {
            return yaml ? YAML.readTree(body)
                    : mapper.reader().with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            duplicateKey(e);
            var at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw InvalidInputException.of("(body)", "is not valid " + (yaml ? "YAML" : "JSON") + where);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw InvalidInputException.of("(body)", "is not valid " + (yaml ? "YAML" : "JSON") + where);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("^Duplicate field '([^']*)'");

    /**
     * A key written twice (Jackson's strict duplicate detection): 422 invalid-rule-set-version naming the key, where it
     * is, and the line of its second occurrence. Other parse errors are left to the caller (400).
     */
    private static void duplicateKey(com.fasterxml.jackson.core.JsonParseException e) {
        java.util.regex.Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (!m.find()) {
            return;
        }
        String key = m.group(1).replaceAll("[\\p{Cntrl}]", "?");
        // The parser's context is at the key written twice: its path names it (note.en, rules[0].condition).
        String field = "";
        if (e.getProcessor() != null && e.getProcessor().getParsingContext() != null) {
            field = dotted(e.getProcessor().getParsingContext().pathAsPointer().toString());
        }
        field = field.isEmpty() ? key : field;
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        throw new RuleSetInvalidException("The version has 1 problem(s); nothing was stored.", List.of(new com.tracklane.track.model.RuleSetProblem(
                "version", field, null, 0, 0, "the key '" + key + "' is written twice" + (line > 0 ? " (again on line " + line + ")" : "")
                + ": write each key once")));
    }

    /** A JSON pointer ({@code /rules/0}) as the paths of problems write it ({@code rules[0]}). */
    private static String dotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && out.length() > 0) {
                out.append('[').append(name).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    /** A version number as the contract writes it: ASCII digits, no sign, no leading zero, at most 9 digits. */
    private static final java.util.regex.Pattern VERSION_NUMBER = java.util.regex.Pattern.compile("[1-9][0-9]{0,8}");

    /**
     * The version number of a path. Anything else ({@code +1}, {@code 01}, fullwidth {@code １} or Arabic-Indic
     * {@code ١}, which {@link Integer#parseInt} would all read as 1) names no version: 404, as for a number that
     * has none.
     */
    static int number(String id, String n) {
        if (n != null && VERSION_NUMBER.matcher(n).matches()) {
            return Integer.parseInt(n);
        }
        throw new NotFoundException("Rule set '" + id + "' has no version '" + Messages.sanitize(n)
                + "': versions are numbered 1, 2, 3 … in ASCII digits.");
    }

    private static VersionView view(RuleVersionRecord r, boolean withDocument) {
        return new VersionView(r.ruleSetId(), r.number(), r.state, r.status, r.effectiveFrom, r.publishedAt, r.publishedBy,
                r.contentHash, r.createdAt, r.createdBy, withDocument ? RuleSetJson.parse(r.document) : null);
    }

    private String subject() {
        return identity.getPrincipal().getName();
    }
}
