package com.tracklane.track;

import com.tracklane.common.EvaluationException;
import com.tracklane.common.Messages;
import com.tracklane.eligibility.engine.Expression;
import com.tracklane.eligibility.engine.FactCatalog;
import com.tracklane.eligibility.engine.FactType;
import com.tracklane.eligibility.engine.RuleBindings;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles rule expressions with CEL: every fact of {@link FactCatalog} and every parameter of the version
 * ({@code params.<name>}) is declared with its type, so an unknown name or a type error is found at load time.
 *
 * <p>Functions added to standard CEL: {@code addDays(date, int)} → date, {@code minusHours(dateTime, int)} →
 * dateTime (same offset), {@code hm(double hours)} → "72 h 1 min", {@code join(list, separator)} → string,
 * {@code intersect(list, list)} → the first list's items that are in the second, {@code usd(amount)} → "USD 50,000" (whole dollars with thousands separators; cents only when there are any).
 */
public final class CelExpressions {

    /** A compile error, positioned within the expression (1-based). */
    public record CompileError(int line, int column, String message) {
    }

    /** Either a compiled expression or the errors that prevented it. */
    public record Compiled(Expression expression, List<CompileError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .addFunctionBindings(
                    CelFunctionBinding.from("addDays_string_int", String.class, Long.class,
                            (date, days) -> LocalDate.parse(date).plusDays(days).toString()),
                    CelFunctionBinding.from("minusHours_string_int", String.class, Long.class,
                            (at, hours) -> OffsetDateTime.parse(at).minusHours(hours).toString()),
                    CelFunctionBinding.from("hm_double", Double.class, CelExpressions::hoursAndMinutes),
                    CelFunctionBinding.from("intersect_list_list", List.class, List.class,
                            (a, b) -> ((List<?>) a).stream().filter(((List<?>) b)::contains).map(String::valueOf).toList()),
                    CelFunctionBinding.from("usd_double", Double.class, CelExpressions::usd),
                    CelFunctionBinding.from("usd_int", Long.class, amount -> usd(amount.doubleValue())),
                    CelFunctionBinding.from("join_list_string", List.class, String.class,
                            (list, separator) -> String.join(separator, ((List<?>) list).stream().map(String::valueOf).toList())))
            .build();

    private static final List<CelFunctionDecl> FUNCTIONS = List.of(
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

    private static final java.util.regex.Pattern PARAMETER_REFERENCE = java.util.regex.Pattern.compile("\\bparams\\.([A-Za-z_][A-Za-z0-9_]*)");

    private final CelCompiler booleanCompiler;
    private final CelCompiler valueCompiler;
    private final Map<String, FactType> parameterTypes;

    /** An environment for one version, whose parameters have the given types. */
    public CelExpressions(Map<String, FactType> parameterTypes) {
        this.parameterTypes = Map.copyOf(parameterTypes);
        this.booleanCompiler = builder(parameterTypes).setResultType(SimpleType.BOOL).build();
        this.valueCompiler = builder(parameterTypes).build();
    }

    private static CelCompilerBuilder builder(Map<String, FactType> parameterTypes) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().addFunctionDeclarations(FUNCTIONS);
        FactCatalog.facts().values().forEach(f -> builder.addVar(f.name(), celType(f.type())));
        parameterTypes.forEach((name, type) -> builder.addVar(RuleBindings.PARAMS_PREFIX + name, celType(type)));
        return builder;
    }

    static CelType celType(FactType type) {
        return switch (type) {
            case INT -> SimpleType.INT;
            case DOUBLE -> SimpleType.DOUBLE;
            case STRING, DATE -> SimpleType.STRING;
            case BOOL -> SimpleType.BOOL;
            case STRING_LIST -> ListType.create(SimpleType.STRING);
        };
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("^(params\\.)?[A-Za-z_][A-Za-z0-9_]*$");

    private final Map<String, Compiled> conditions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Compiled> values = new java.util.concurrent.ConcurrentHashMap<>();

    /** Compiles a condition that must yield a boolean (once per source in this environment). */
    public Compiled condition(String source) {
        return conditions.computeIfAbsent(source, s -> compile(booleanCompiler, s));
    }

    /**
     * Compiles a value to show in a message. A bare fact or parameter name ({@code stayDays},
     * {@code params.testWindowHours}) is checked against the declarations and read directly; anything else is CEL.
     */
    public Compiled value(String source) {
        return values.computeIfAbsent(source, s -> {
            String name = s.trim();
            if (NAME.matcher(name).matches()) {
                boolean declared = name.startsWith(RuleBindings.PARAMS_PREFIX)
                        ? parameterTypes.containsKey(name.substring(RuleBindings.PARAMS_PREFIX.length()))
                        : FactCatalog.facts().containsKey(name);
                if (declared) {
                    return new Compiled(new NameExpression(name), List.of());
                }
            }
            return compile(valueCompiler, s);
        });
    }

    /** A bare name: its value, read from the bindings. */
    private record NameExpression(String name) implements Expression {
        @Override
        public Object evaluate(Bindings bindings) {
            return bindings.lookup(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Compiled compile(CelCompiler compiler, String source) {
        List<CompileError> unknown = unknownParameters(source);
        return unknown.isEmpty() ? compileChecked(compiler, source) : new Compiled(null, unknown);
    }

    /** CEL alone would only say "undeclared reference to 'params'"; name the parameter instead. */
    private List<CompileError> unknownParameters(String source) {
        List<CompileError> errors = new java.util.ArrayList<>();
        java.util.regex.Matcher m = PARAMETER_REFERENCE.matcher(source);
        while (m.find()) {
            if (!parameterTypes.containsKey(m.group(1))) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < m.start(); i++) {
                    if (source.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                errors.add(new CompileError(line, m.start() - lineStart + 1, "unknown parameter '" + m.group()
                        + "' (this version declares: " + String.join(", ", new java.util.TreeSet<>(parameterTypes.keySet())) + ")"));
            }
        }
        return errors;
    }

    private static Compiled compileChecked(CelCompiler compiler, String source) {
        CelValidationResult result = compiler.compile(source);
        if (result.hasError()) {
            return new Compiled(null, result.getErrors().stream().map(CelExpressions::toError).toList());
        }
        try {
            CelRuntime.Program program = RUNTIME.createProgram(result.getAst());
            return new Compiled(new CelExpression(source, program), List.of());
        } catch (dev.cel.common.CelException e) {
            return new Compiled(null, List.of(new CompileError(1, 1, e.getMessage())));
        }
    }

    private static CompileError toError(CelIssue issue) {
        int line = Math.max(1, issue.getSourceLocation().getLine());
        int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
        return new CompileError(line, column, issue.getMessage());
    }

    /**
     * A compiled CEL program. Type-checking at load time cannot rule out every failure (a division by zero, a text
     * that is not a date): those are defects of the version, reported as {@link EvaluationException} (a dry run
     * shows them per request).
     */
    private record CelExpression(String source, CelRuntime.Program program) implements Expression {
        @Override
        public Object evaluate(Bindings bindings) {
            try {
                return program.eval(name -> Optional.ofNullable(bindings.lookup(name)));
            } catch (CelEvaluationException | RuntimeException e) {
                throw new EvaluationException(source, Messages.sanitize(e.getMessage()), e);
            }
        }

        @Override
        public String toString() {
            return source;
        }
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
