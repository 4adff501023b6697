package com.tracklane.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word the pages show, in English ({@code messages/msg.properties}), Japanese ({@code msg_ja.properties}) and
 * Khmer ({@code msg_km.properties}). Templates use them as {@code {msg:key}} or {@code {msg:key(arg)}}; the build fails
 * when a template names a key that is not here, and {@code MessageBundleCompletenessTest} fails when a language
 * lacks one.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    // Layout
    @Message String appName();
    @Message String appTagline();
    @Message String skipToContent();
    @Message String navMain();
    @Message String navChecker();
    @Message String navTracks();
    @Message String navIntake();
    @Message String navOfficer();
    @Message String navMonitor();
    @Message String languageSwitch();
    @Message String signIn();
    @Message String signOut();
    @Message String signedInAs(String name, String role);
    @Message String notSignedIn();
    @Message String footerNote();
    @Message String footerApi();

    // Roles
    @Message String roleIntake();
    @Message String roleOfficer();
    @Message String roleMonitor();
    @Message String roleRulesAdmin();
    @Message String roleIntakeWhat();
    @Message String roleOfficerWhat();
    @Message String roleMonitorWhat();
    @Message String roleRulesAdminWhat();

    // Sign-in (development users)
    @Message String loginTitle();
    @Message String loginIntro();
    @Message String loginDevOnly();
    @Message String loginAs(String role);
    @Message String loginRequired();
    @Message String signedOut();

    // Staff desks (placeholders the staff pages grow from)
    @Message String deskIntakeTitle();
    @Message String deskOfficerTitle();
    @Message String deskMonitorTitle();
    @Message String deskSignedIn(String name, String role);
    @Message String deskComing();

    // Errors
    @Message String errorTitle();
    @Message String error400();
    @Message String error401();
    @Message String error403();
    @Message String error404();
    @Message String error405();
    @Message String error409();
    @Message String error412();
    @Message String error413();
    @Message String error415();
    @Message String error422();
    @Message String error429();
    @Message String error500();
    @Message String error503();
    @Message String errorCsrf();
    @Message String errorStatus(int status);
    @Message String errorBackHome();
}
