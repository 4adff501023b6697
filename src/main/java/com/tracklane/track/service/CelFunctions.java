package com.tracklane.track.service;

import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The functions rules may call beyond standard CEL ({@code addDays}, {@code minusHours}, {@code hm},
 * {@code intersect}, {@code usd}, {@code join}) and the bounded {@code +} on texts and lists: their declarations for the
 * type-checker, their implementations for the runtime. What they build is bounded by {@link CelExpressions#limits()}.
 */
final class CelFunctions {

    private CelFunctions() {
    }

    static final List<CelFunctionDecl> DECLARATIONS = List.of(
            CelFunctionDecl.newFunctionDeclaration("addDays",
                    CelOverloadDecl.newGlobalOverload("addDays_string_int", SimpleType.STRING, SimpleType.STRING, SimpleType.INT)),
            CelFunctionDecl.newFunctionDeclaration("minusHours",
                    CelOverloadDecl.newGlobalOverload("minusHours_string_int", SimpleType.STRING, SimpleType.STRING, SimpleType.INT)),
            CelFunctionDecl.newFunctionDeclaration("hm",
                    CelOverloadDecl.newGlobalOverload("hm_double", SimpleType.STRING, SimpleType.DOUBLE)),
            CelFunctionDecl.newFunctionDeclaration("intersect",
                    CelOverloadDecl.newGlobalOverload("intersect_list_list", ListType.create(SimpleType.STRING),
                            ListType.create(SimpleType.STRING), ListType.create(SimpleType.STRING))),
            CelFunctionDecl.newFunctionDeclaration("usd",
                    CelOverloadDecl.newGlobalOverload("usd_double", SimpleType.STRING, SimpleType.DOUBLE),
                    CelOverloadDecl.newGlobalOverload("usd_int", SimpleType.STRING, SimpleType.INT)),
            CelFunctionDecl.newFunctionDeclaration("join",
                    CelOverloadDecl.newGlobalOverload("join_list_string", SimpleType.STRING,
                            ListType.create(SimpleType.STRING), SimpleType.STRING)));

    static final List<CelFunctionBinding> BINDINGS = List.of(
            CelFunctionBinding.from("add_string", String.class, String.class, CelFunctions::concat),
            CelFunctionBinding.from("add_list", List.class, List.class, CelFunctions::concat),
            CelFunctionBinding.from("addDays_string_int", String.class, Long.class,
                    (date, days) -> LocalDate.parse(date).plusDays(days).toString()),
            CelFunctionBinding.from("minusHours_string_int", String.class, Long.class,
                    (at, hours) -> OffsetDateTime.parse(at).minusHours(hours).toString()),
            CelFunctionBinding.from("hm_double", Double.class, CelFunctions::hoursAndMinutes),
            CelFunctionBinding.from("intersect_list_list", List.class, List.class,
                    (a, b) -> ((List<?>) a).stream().filter(((List<?>) b)::contains).map(String::valueOf).toList()),
            CelFunctionBinding.from("usd_double", Double.class, CelFunctions::usd),
            CelFunctionBinding.from("usd_int", Long.class, amount -> usd(amount.doubleValue())),
            CelFunctionBinding.from("join_list_string", List.class, String.class, CelFunctions::join));

    /** {@code join(list, separator)}: refused before anything is built when the text would be over the limit. */
    static String join(List<?> list, String separator) throws CelEvaluationException {
        int max = CelExpressions.limits().maxTextLength();
        long length = list.isEmpty() ? 0 : (long) separator.length() * (list.size() - 1);
        for (Object element : list) {
            length += String.valueOf(element).length();
            if (length > max) {
                throw tooLong("join", max);
            }
        }
        if (length > max) {
            throw tooLong("join", max);
        }
        StringBuilder out = new StringBuilder((int) length);
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(list.get(i));
        }
        return out.toString();
    }

    static String concat(String a, String b) throws CelEvaluationException {
        if ((long) a.length() + b.length() > CelExpressions.limits().maxTextLength()) {
            throw tooLong("+", CelExpressions.limits().maxTextLength());
        }
        return a.concat(b);
    }

    static List<Object> concat(List<?> a, List<?> b) throws CelEvaluationException {
        if ((long) a.size() + b.size() > CelExpressions.limits().maxListSize()) {
            throw new CelEvaluationException("+ would build a list of more than " + CelExpressions.limits().maxListSize()
                    + " elements (the limit of a list built by a rule)");
        }
        List<Object> out = new java.util.ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return java.util.Collections.unmodifiableList(out);
    }

    private static CelEvaluationException tooLong(String function, int max) {
        return new CelEvaluationException(function + " would build a text of more than " + max
                + " characters (the limit of a text built by a rule)");
    }

    static String usd(Double amount) {
        java.math.BigDecimal value = java.math.BigDecimal.valueOf(amount).setScale(2, java.math.RoundingMode.HALF_UP);
        return "USD " + (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0
                ? String.format(java.util.Locale.ROOT, "%,d", value.longValue())
                : String.format(java.util.Locale.ROOT, "%,.2f", value));
    }

    static String hoursAndMinutes(Double hours) {
        Duration d = Duration.ofSeconds(Math.round(Math.abs(hours) * 3600));
        String sign = hours < 0 ? "-" : "";
        long minutes = d.toMinutesPart();
        return sign + d.toHours() + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
