package com.tracklane.track.service;

import com.tracklane.common.EvaluationException;
import com.tracklane.common.Messages;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.FactCatalog;
import com.tracklane.track.model.FactType;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.standard.AddOperator;
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
public final class CelExpressions implements ExpressionCompiler {

    /** A compile error, positioned within the expression (1-based). */
    public record CompileError(int line, int column, String message) {
    }

    /** Either a compiled expression or the errors that prevented it. */
    public record Compiled(Expression expression, List<CompileError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * What one evaluation may build, and what a rule may cost when it is drafted. CEL-Java has no cost estimation
     * or runtime cost tracking (cel-go has), so the texts and lists an expression builds are bounded here, where they
     * are built ({@code join}, {@code +}), and {@link CelCost} estimates an expression's cost before it is accepted.
     *
     * @param maxTextLength a text an expression builds or a parameter holds, in characters
     * @param maxListSize   a list an expression builds or a parameter holds, in elements
     * @param maxCost       the estimated cost of one expression (see {@link CelCost})
     */
    public record Limits(int maxTextLength, int maxListSize, long maxCost) {
        public static final Limits DEFAULT = new Limits(64 * 1024, 10_000, 100_000);
    }

    private static volatile Limits limits = Limits.DEFAULT;

    /** Sets the limits of every evaluation from now on (at start-up, from configuration). */
    public static void limit(Limits configured) {
        limits = java.util.Objects.requireNonNull(configured);
    }

    public static Limits limits() {
        return limits;
    }

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            // Comprehensions are not enabled in rules (no macros); should they ever be, the library bounds them.
            .setOptions(dev.cel.common.CelOptions.current().comprehensionMaxIterations(Limits.DEFAULT.maxListSize()).build())
            // The standard + on texts and lists is replaced by one that checks the size of what it builds.
            .setStandardEnvironmentEnabled(false)
            .setStandardFunctions(dev.cel.runtime.CelStandardFunctions.newBuilder()
                    .filterFunctions((function, overload) -> overload != AddOperator.AddOverload.ADD_STRING
                            && overload != AddOperator.AddOverload.ADD_LIST)
                    .build())
            .addFunctionBindings(CelFunctions.BINDINGS)
            .build();

    private static final java.util.regex.Pattern PARAMETER_REFERENCE = java.util.regex.Pattern.compile("\\bparams\\.([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, FactType> parameterTypes;
    /** Built when first needed: a load whose every expression comes from the compiled cache never builds them. */
    private volatile CelCompiler booleanCompiler;
    private volatile CelCompiler valueCompiler;

    /** An environment for one version, whose parameters have the given types. */
    public CelExpressions(Map<String, FactType> parameterTypes) {
        this.parameterTypes = Map.copyOf(parameterTypes);
    }

    private CelCompiler booleanCompiler() {
        CelCompiler c = booleanCompiler;
        if (c == null) {
            booleanCompiler = c = builder(parameterTypes).setResultType(SimpleType.BOOL).build();
        }
        return c;
    }

    private CelCompiler valueCompiler() {
        CelCompiler c = valueCompiler;
        if (c == null) {
            valueCompiler = c = builder(parameterTypes).build();
        }
        return c;
    }

    private static CelCompilerBuilder builder(Map<String, FactType> parameterTypes) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().addFunctionDeclarations(CelFunctions.DECLARATIONS);
        FactCatalog.facts().values().forEach(f -> builder.addVar(f.name(), celType(f.type())));
        parameterTypes.forEach((name, type) -> builder.addVar(Expression.PARAMS_PREFIX + name, celType(type)));
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
    /** Restored from the compiled cache; kept apart so that a compile without the cache always type-checks. */
    private final Map<String, Restored> restoredConditions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Restored> restoredValues = new java.util.concurrent.ConcurrentHashMap<>();

    /** Compiles a condition that must yield a boolean (once per source in this environment). */
    @Override
    public Compiled condition(String source) {
        return conditions.computeIfAbsent(source, s -> compile(booleanCompiler(), s));
    }

    /**
     * A condition (or a placeholder's value) from its checked expression, serialised by {@link CheckedExpressions};
     * empty when it cannot be read back as such, in which case the caller compiles it.
     */
    Optional<Compiled> restore(String source, byte[] checked, boolean condition) {
        Map<String, Restored> memo = condition ? restoredConditions : restoredValues;
        Restored known = memo.get(source);
        if (known != null && java.util.Arrays.equals(known.checked(), checked)) {
            return Optional.of(known.compiled()); // the very bytes were read back before
        }
        try {
            dev.cel.common.CelAbstractSyntaxTree ast = CheckedExpressions.read(source, checked, condition).orElse(null);
            if (ast == null) {
                return Optional.empty();
            }
            Compiled compiled = new Compiled(new CelExpression(source, ast, RUNTIME.createProgram(ast)), List.of());
            memo.put(source, new Restored(compiled, checked.clone()));
            return Optional.of(compiled);
        } catch (com.google.protobuf.InvalidProtocolBufferException | dev.cel.common.CelException | RuntimeException e) {
            return Optional.empty(); // not trusted: compiled again
        }
    }

    private record Restored(Compiled compiled, byte[] checked) {
    }

    /** The checked syntax tree of a compiled CEL expression; empty for a bare name. */
    static Optional<dev.cel.common.CelAbstractSyntaxTree> ast(Expression expression) {
        return expression instanceof CelExpression cel ? Optional.of(cel.ast()) : Optional.empty();
    }

    /** A bare fact or parameter name that {@link #value} reads directly, without CEL; null otherwise. */
    Compiled bareName(String source) {
        String name = source.trim();
        if (NAME.matcher(name).matches()) {
            boolean declared = name.startsWith(Expression.PARAMS_PREFIX)
                    ? parameterTypes.containsKey(name.substring(Expression.PARAMS_PREFIX.length()))
                    : FactCatalog.facts().containsKey(name);
            if (declared) {
                return new Compiled(new NameExpression(name), List.of());
            }
        }
        return null;
    }

    /**
     * Compiles a value to show in a message. A bare fact or parameter name ({@code stayDays},
     * {@code params.testWindowHours}) is checked against the declarations and read directly; anything else is CEL.
     */
    @Override
    public Compiled value(String source) {
        return values.computeIfAbsent(source, s -> {
            Compiled name = bareName(s);
            return name != null ? name : compile(valueCompiler(), s);
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
            return new Compiled(new CelExpression(source, result.getAst(), program), List.of());
        } catch (dev.cel.common.CelException e) {
            return new Compiled(null, List.of(new CompileError(1, 1, Messages.sanitize(e.getMessage()))));
        }
    }

    private static CompileError toError(CelIssue issue) {
        int line = Math.max(1, issue.getSourceLocation().getLine());
        int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
        return new CompileError(line, column, issue.getMessage());
    }

    /**
     * The estimated cost of an expression and the largest text and list it may build, for the given parameter values
     * (a bare name costs 1). See {@link CelCost}.
     */
    public static CelCost.Estimate estimate(Expression expression, Map<String, Object> parameters) {
        if (expression instanceof CelExpression cel) {
            return new CelCost(cel.ast(), parameters).estimate();
        }
        return new CelCost.Estimate(1, 0, 0);
    }

    /**
     * A compiled CEL program. Type-checking at load time cannot rule out every failure (a division by zero, a text
     * that is not a date, a text over the limit, the time budget of the check spent): those are defects of the
     * version, reported as {@link EvaluationException} (a dry run shows them per request).
     */
    private record CelExpression(String source, dev.cel.common.CelAbstractSyntaxTree ast, CelRuntime.Program program)
            implements Expression {
        @Override
        public Object evaluate(Bindings bindings) {
            long deadline = bindings.deadlineNanos();
            try {
                if (deadline == Bindings.NO_DEADLINE) {
                    return program.eval(name -> Optional.ofNullable(bindings.lookup(name)));
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new OverBudget();
                }
                return program.trace(name -> Optional.ofNullable(bindings.lookup(name)), new Clock(deadline));
            } catch (CelEvaluationException | RuntimeException e) {
                throw new EvaluationException(source, reason(e), e);
            }
        }

        @Override
        public String toString() {
            return source;
        }
    }

    /** Why an evaluation failed, fit for a problem's detail (no Java names, no stack). */
    private static String reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OverBudget) {
                return "the check took longer than its time budget";
            }
        }
        return Messages.sanitize(e.getMessage());
    }

    /** The time budget of a check is spent. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("the check took longer than its time budget", null, false, false);
        }
    }

    /**
     * Called by CEL after each step of an evaluation: looks at the clock every 16 steps (a step is a few tens of
     * nanoseconds; nothing a step builds is over the size limits) and stops the evaluation once the deadline passed.
     */
    private static final class Clock implements dev.cel.runtime.CelEvaluationListener {
        private final long deadline;
        private int steps;

        Clock(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void callback(dev.cel.common.ast.CelExpr expr, Object result) {
            if ((++steps & 15) == 0 && System.nanoTime() - deadline > 0) {
                throw new OverBudget();
            }
        }
    }
}
