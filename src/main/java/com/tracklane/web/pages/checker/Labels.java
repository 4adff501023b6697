package com.tracklane.web.pages.checker;

import com.tracklane.web.i18n.Msg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The message bundle in one language, for Java code that builds pages, and the names of the request's values
 * (Msg's {@code <prefix><VALUE>} keys, e.g. {@code methodPCR}, {@code statusOPEN}): a value the bundle does not name is
 * shown as it is.
 */
public final class Labels {

    private final Msg msg;

    public Labels(String language) {
        this.msg = MessageBundles.get(Msg.class, Localized.Literal.of(language));
    }

    public Msg msg() {
        return msg;
    }

    /** The name of {@code value} under {@code prefix}, e.g. ("method", "PCR") → "PCR 検査". */
    public String of(String prefix, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        try {
            Method m = Msg.class.getMethod(prefix + value);
            return (String) m.invoke(msg);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException unknown) {
            return value;
        }
    }

    /** True when the bundle names the value. */
    public static boolean known(String prefix, String value) {
        try {
            Msg.class.getMethod(prefix + value);
            return true;
        } catch (NoSuchMethodException unknown) {
            return false;
        }
    }
}
