package com.tracklane.web.pages.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.EvaluationException;
import com.tracklane.common.FieldError;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.UnprocessableException;
import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.service.EligibilityService;
import com.tracklane.reference.AirportDirectory;
import com.tracklane.track.service.RuleSetCatalog;
import com.tracklane.web.ErrorPages;
import com.tracklane.web.Pages;
import com.tracklane.web.i18n.PageLanguage;
import com.tracklane.web.pages.checker.TripForm.Rows;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public trip checker. {@code GET /} shows the form (prefilled from {@code ?r=} to change a check);
 * {@code POST /check} re-renders it when a row is added or removed, shows it again with the problems when something is
 * wrong, and otherwise redirects (303) to {@code GET /check?r=…}: the answer page, whose address is the link that
 * reproduces the check (the request as JSON, base64url, with the {@code knownAt} the answer used; the public checker
 * has no identity fields, so the address holds no personal data). The request goes through the same schema check and
 * {@link EligibilityService} as the API's {@code POST /api/v1/eligibility}.
 *
 * <p>The check changes nothing and needs no sign-in, so a forged post could only make a visitor see an answer; the form
 * still carries the CSRF token because the filter guards every form post alike.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CheckerResource {

    static final int MAX_LINK_LENGTH = 6000;

    @Inject
    Pages pages;

    @Inject
    PageLanguage language;

    @Inject
    ErrorPages errorPages;

    @Inject
    EligibilityService service;

    @Inject
    RuleSetCatalog catalog;

    @Inject
    ObjectMapper mapper;

    @Inject
    com.tracklane.web.session.FormTokens formTokens;

    @Inject
    Template checker;

    @Inject
    Template answer;

    private final Airports airports = new Airports(AirportDirectory.standard());

    @GET
    public Response form(@QueryParam("r") String encoded) {
        TripForm form = new TripForm();
        if (encoded != null) {
            JsonNode request = decode(encoded);
            if (request == null) {
                return errorPages.response(400, null);
            }
            form = TripForm.fromJson(request);
            TripRequest.Built resolved = new TripRequest(airports, mapper).build(form, new Labels(language.getCode()).msg());
            form.localizeTimes(field -> resolved.airports().containsKey(field) ? resolved.airports().get(field).zone() : null);
        }
        return Response.ok(formPage(form, Map.of())).build();
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(MultivaluedMap<String, String> posted) {
        formTokens.require(posted.getFirst(com.tracklane.web.session.FormTokens.FIELD));
        return checkForm(posted);
    }

    private Response checkForm(MultivaluedMap<String, String> posted) {
        TripForm form = TripForm.fromPost(posted);
        String action = posted.getFirst("action") == null ? "check" : posted.getFirst("action");
        if (action.startsWith("add:") || action.startsWith("remove:")) {
            rows(form, action);
            return Response.ok(formPage(form, Map.of())).build();
        }
        Labels labels = new Labels(language.getCode());
        TripRequest.Built built = new TripRequest(airports, mapper).build(form, labels.msg());
        if (!built.ok()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(formPage(form, built.errors(), built)).build();
        }
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            Decision decision = service.check(built.json(), language.getCode());
            built.json().put("knownAt", decision.knownAt().toString());
            return Response.seeOther(URI.create("/check?r=" + encode(built.json()))).build();
        } catch (InvalidInputException invalid) {
            for (FieldError e : invalid.errors()) {
                problems.put(fieldOf(e.field()), messageFor(e, labels));
            }
        } catch (UnprocessableException unprocessable) {
            problems.put("(route)", unprocessable.getMessage() != null && unprocessable.getMessage().startsWith("No version")
                    ? labels.msg().noVersionKnown() : labels.msg().routeNotCovered());
        } catch (EvaluationException failed) {
            problems.put("(route)", labels.msg().error500());
        }
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(formPage(form, problems, built)).build();
    }

    @GET
    @Path("check")
    public Response answer(@QueryParam("r") String encoded) {
        JsonNode request = encoded == null ? null : decode(encoded);
        if (!(request instanceof ObjectNode json)) {
            return errorPages.response(400, null);
        }
        TripForm form = TripForm.fromJson(json);
        Labels labels = new Labels(language.getCode());
        TripRequest.Built resolved = new TripRequest(airports, mapper).build(form, labels.msg());
        Decision decision;
        try {
            decision = service.check(json, language.getCode());
        } catch (InvalidInputException | UnprocessableException | EvaluationException refused) {
            return checkForm(postedOf(form)); // the link no longer checks (e.g. edited by hand): the form with its problems
        }
        Map<String, Decision> others = new LinkedHashMap<>();
        for (Decision.Alternative a : decision.alternatives()) {
            try {
                others.put(a.track().name(), service.check(json.deepCopy().put("track", a.track().name()), language.getCode()));
            } catch (RuntimeException notForThisTrack) {
                // the alternative's outcome is still shown, without its rules
            }
        }
        AnswerView view = new AnswerView(decision, resolved.airports(), catalog::find, others, labels, language);
        String link = "/check?r=" + encoded;
        TemplateInstance page = pages.page(answer, "checker").data("a", view).data("link", link)
                .data("changeLink", "/?r=" + encoded);
        return Response.ok(page).build();
    }

    private TemplateInstance formPage(TripForm form, Map<String, String> errors) {
        Labels labels = new Labels(language.getCode());
        return formPage(form, errors, new TripRequest(airports, mapper).build(form, labels.msg()));
    }

    private TemplateInstance formPage(TripForm form, Map<String, String> errors, TripRequest.Built resolved) {
        Labels labels = new Labels(language.getCode());
        CheckerView view = new CheckerView(form, errors, resolved.airports(), labels, language, airports);
        return pages.page(checker, "checker").data("view", view);
    }

    private static void rows(TripForm form, String action) {
        String[] parts = action.split(":");
        Rows rows = parts.length > 1 ? switch (parts[1]) {
            case "itinerary" -> Rows.LEGS;
            case "transits" -> Rows.TRANSITS;
            case "activitySchedule.places" -> Rows.PLACES;
            default -> null;
        } : null;
        if (rows == null) {
            return;
        }
        if (parts[0].equals("add")) {
            form.addRow(rows);
        } else if (parts.length == 3 && parts[2].matches("\\d{1,2}")) {
            form.removeRow(rows, Integer.parseInt(parts[2]));
        }
    }

    /** The form field a problem's path names: the path itself for a form field, else the summary only. */
    static String fieldOf(String path) {
        if (path == null) {
            return "(route)";
        }
        if (TripForm.FIELDS.contains(path) || path.matches("(itinerary|transits|activitySchedule\\.places)\\[\\d+]\\.[a-zA-Z]+")
                || path.equals(TripForm.RECENT_COUNTRIES)) {
            return path;
        }
        if (path.matches("itinerary\\[\\d+]")) {
            return path + ".departure";
        }
        return "(route)";
    }

    static String messageFor(FieldError e, Labels labels) {
        String field = e.field() == null ? "" : e.field();
        if (field.startsWith("transits[")) {
            return labels.msg().transitNotConnection();
        }
        if ("is required".equals(e.message())) {
            return labels.msg().fieldRequired();
        }
        return labels.msg().fieldInvalid();
    }

    String encode(JsonNode request) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(request));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode decode(String encoded) {
        if (encoded.length() > MAX_LINK_LENGTH) {
            return null;
        }
        try {
            return mapper.readTree(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException unreadable) {
            return null;
        }
    }

    private static MultivaluedMap<String, String> postedOf(TripForm form) {
        MultivaluedMap<String, String> m = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        m.putSingle("action", "check");
        form.values().forEach(m::putSingle);
        form.recentCountries().forEach(c -> m.add(TripForm.RECENT_COUNTRIES, c));
        return m;
    }
}
