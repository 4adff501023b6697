package com.tracklane.web.pages.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.ConflictException;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.PreconditionException;
import com.tracklane.common.UnprocessableException;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.security.Roles;
import com.tracklane.web.Pages;
import com.tracklane.web.session.FormTokens;
import com.tracklane.web.session.PageSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The intake desk (roles {@code intake} and {@code officer}): the organisation's recent applications, the application
 * form (applicant and trip) submitted once per rendered form (its idempotency key is the API's
 * {@code Idempotency-Key}; post–redirect–get), the page of an application (reference, outcome, what is missing), its
 * correction by merge patch while it may be corrected, and its withdrawal after a confirmation. Every action calls
 * intake's services through {@link IntakeServices}; bad input gives the form again with the problems beside their
 * inputs and everything typed kept.
 */
@Path("/intake")
@Produces(MediaType.TEXT_HTML)
public class IntakeDeskResource {

    static final int PAGE_SIZE = 20;
    /** What the page of an application may report as just done (anything else in the address is ignored). */
    static final java.util.Set<String> DONE = java.util.Set.of("submitted", "again", "unchanged", "corrected", "withdrawn");

    @Inject
    PageSession session;

    @Inject
    Pages pages;

    @Inject
    IntakeServices intake;

    @Inject
    ApplicationPages applicationPages;

    @Inject
    ObjectMapper mapper;

    @Inject
    FormTokens formTokens;

    @Inject
    @Location("intake/list.html")
    Template list;

    @Inject
    @Location("intake/form.html")
    Template form;

    @Inject
    @Location("intake/withdraw.html")
    Template withdraw;

    @GET
    public TemplateInstance recent(@QueryParam("page") Integer page) {
        session.require(Roles.INTAKE, Roles.OFFICER);
        int p = page == null || page < 0 ? 0 : Math.min(page, 10_000);
        IntakeServices.Found found = intake.recent(p, PAGE_SIZE);
        return pages.page(list, "intake").data("items", applicationPages.rows(found.items())).data("total", found.total())
                .data("page", p).data("hasNext", (long) (p + 1) * PAGE_SIZE < found.total());
    }

    @GET
    @Path("new")
    public TemplateInstance blank() {
        session.require(Roles.INTAKE, Roles.OFFICER);
        return formPage(ApplicationForm.blank(), null, true);
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> posted) {
        formTokens.require(posted.getFirst(FormTokens.FIELD));
        session.require(Roles.INTAKE, Roles.OFFICER);
        ApplicationForm f = ApplicationForm.posted(posted);
        String op = posted.getFirst("op");
        if (!"submit".equals(op)) {
            f.apply(op);
            return page(200, formPage(f, null, true));
        }
        try {
            IntakeServices.Submitted s = intake.submit(f.toJson(mapper), f.getIdempotencyKey());
            return Response.seeOther(URI.create("/intake/applications/" + s.application().id + "?done=" + (s.created() ? "submitted" : "again"))).build();
        } catch (InvalidInputException e) {
            f.reject(e.errors());
        } catch (UnprocessableException e) {
            f.problem("err_noTrack");
        } catch (ConflictException e) {
            f.problem("err_keyReused");
        }
        return page(400, formPage(f, null, true));
    }

    @GET
    @Path("applications/{id}")
    public TemplateInstance application(@PathParam("id") String id, @QueryParam("done") String done) {
        session.require(Roles.INTAKE, Roles.OFFICER);
        TravelApplication a = intake.find(id);
        return applicationPages.page(a, done != null && DONE.contains(done) ? done : null);
    }

    @GET
    @Path("applications/{id}/correct")
    public TemplateInstance correction(@PathParam("id") String id) {
        session.require(Roles.INTAKE, Roles.OFFICER);
        TravelApplication a = intake.find(id);
        if (!IntakeServices.correctable(a)) {
            return applicationPages.page(a, "notCorrectable");
        }
        return formPage(stored(a), a, false);
    }

    @POST
    @Path("applications/{id}/correct")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        formTokens.require(posted.getFirst(FormTokens.FIELD));
        session.require(Roles.INTAKE, Roles.OFFICER);
        TravelApplication a = intake.find(id);
        ApplicationForm f = ApplicationForm.posted(posted);
        String op = posted.getFirst("op");
        if (!"submit".equals(op)) {
            f.apply(op);
            return page(200, formPage(f, a, false));
        }
        long version = version(posted.getFirst("version"));
        ObjectNode edited = f.toJson(mapper);
        ObjectNode before = stored(a).toJson(mapper);
        ObjectNode patch = MergePatches.between(before, edited);
        if (patch.has("applicant") && !intake.seesPersonalData()) {
            // Masked users see blank applicant inputs: what they leave blank is kept, what they type replaces it.
            patch.set("applicant", edited.get("applicant"));
            if (patch.get("applicant").isEmpty()) {
                patch.remove("applicant");
            }
        }
        if (patch.isEmpty()) {
            return Response.seeOther(URI.create("/intake/applications/" + a.id + "?done=unchanged")).build();
        }
        try {
            intake.correct(id, patch, version);
            return Response.seeOther(URI.create("/intake/applications/" + a.id + "?done=corrected")).build();
        } catch (InvalidInputException e) {
            f.reject(e.errors());
        } catch (UnprocessableException e) {
            f.problem("err_noTrack");
        } catch (PreconditionException e) {
            f.problem("err_changedMeanwhile");
        } catch (ConflictException e) {
            f.problem("err_notCorrectable");
        }
        return page(a.status.editable() ? 400 : 409, formPage(f, intake.find(id), false));
    }

    @GET
    @Path("applications/{id}/withdraw")
    public TemplateInstance confirmWithdrawal(@PathParam("id") String id) {
        session.require(Roles.INTAKE);
        TravelApplication a = intake.find(id);
        if (!IntakeServices.withdrawable(a)) {
            return applicationPages.page(a, "notWithdrawable");
        }
        return withdrawPage(a, "", null);
    }

    @POST
    @Path("applications/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        formTokens.require(posted.getFirst(FormTokens.FIELD));
        session.require(Roles.INTAKE);
        TravelApplication a = intake.find(id);
        String reason = posted.getFirst("reason") == null ? "" : posted.getFirst("reason").strip();
        if (!"yes".equals(posted.getFirst("confirm"))) {
            return page(400, withdrawPage(a, reason, "err_confirmWithdrawal"));
        }
        try {
            intake.withdraw(id, reason.isEmpty() ? null : reason, version(posted.getFirst("version")));
            return Response.seeOther(URI.create("/intake/applications/" + a.id + "?done=withdrawn")).build();
        } catch (InvalidInputException e) {
            return page(400, withdrawPage(a, reason, "err_reason"));
        } catch (PreconditionException e) {
            return page(409, withdrawPage(intake.find(id), reason, "err_changedMeanwhile"));
        } catch (ConflictException e) {
            return page(409, withdrawPage(intake.find(id), reason, "err_notWithdrawable"));
        }
    }

    private TemplateInstance formPage(ApplicationForm f, TravelApplication a, boolean isNew) {
        return pages.page(form, "intake").data("form", f).data("isNew", isNew).data("application", a == null ? null : applicationPages.row(a))
                .data("action", isNew ? "/intake/new" : "/intake/applications/" + a.id + "/correct")
                .data("maskedApplicant", !isNew && !intake.seesPersonalData());
    }

    private TemplateInstance withdrawPage(TravelApplication a, String reason, String problem) {
        return pages.page(withdraw, "intake").data("application", applicationPages.row(a)).data("reason", reason).data("problem", problem)
                .data("withdrawable", IntakeServices.withdrawable(a));
    }

    /** The stored application as the form shows it (the applicant only to those who see personal data). */
    private ApplicationForm stored(TravelApplication a) {
        return ApplicationForm.of(intake.seesPersonalData() ? intake.applicant(a) : null, intake.request(a));
    }

    private static long version(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
