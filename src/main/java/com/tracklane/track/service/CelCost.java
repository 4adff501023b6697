package com.tracklane.track.service;

import com.tracklane.track.model.Expression;
import com.tracklane.track.model.FactCatalog;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import java.util.List;
import java.util.Map;

/**
 * An upper bound of what evaluating a type-checked CEL expression costs, worked out from its syntax tree and the
 * version's parameter values before the version is accepted (CEL-Java, unlike cel-go, has no cost estimation).
 *
 * <p>The unit is one step of the interpreter; a function that reads or builds texts or lists costs, in addition, one
 * unit per 10 characters or per element it reads or builds. Facts are bounded by the request's schema: a text fact
 * counts as {@value #FACT_TEXT} characters, a list fact as {@value #FACT_LIST} elements. For every node, the estimate
 * also bounds the length of the text (or the size of the list) it yields, so that {@code join(params.big,
 * join(params.big, ''))} is seen to build a text of length n² and to cost as much.
 */
public final class CelCost {

    static final long FACT_TEXT = 256;
    static final long FACT_LIST = 64;
    private static final long CHARS_PER_UNIT = 10;
    /** Results are capped here: a bound this large is refused anyway, and sums must not overflow. */
    private static final long CAP = Long.MAX_VALUE / 4;

    /**
     * @param cost          estimated cost (see the class comment)
     * @param maxTextLength the longest text the expression may build
     * @param maxListSize   the largest list the expression may build
     */
    public record Estimate(long cost, long maxTextLength, long maxListSize) {
    }

    /** What a node yields: its cost, and the length of the text (or size of the list, and length of its texts). */
    private record Node(long cost, long length, long elementLength) {
    }

    private final CelAbstractSyntaxTree ast;
    private final Map<String, Object> parameters;
    private long maxText;
    private long maxList;

    CelCost(CelAbstractSyntaxTree ast, Map<String, Object> parameters) {
        this.ast = ast;
        this.parameters = parameters;
    }

    Estimate estimate() {
        Node root = node(ast.getExpr());
        return new Estimate(root.cost(), maxText, maxList);
    }

    private Node node(CelExpr e) {
        Node n = switch (e.getKind()) {
            case CONSTANT -> e.constant().getKind() == CelConstant.Kind.STRING_VALUE
                    ? new Node(1, e.constant().stringValue().length(), 0) : new Node(1, 0, 0);
            case IDENT, SELECT -> name(e);
            case LIST -> list(e.list().elements());
            case CALL -> call(e);
            case COMPREHENSION -> comprehension(e);
            default -> children(e); // maps and messages are not used by rules; count their parts
        };
        CelKind kind = type(e);
        if (kind == CelKind.STRING) {
            maxText = Math.max(maxText, n.length());
        } else if (kind == CelKind.LIST) {
            maxList = Math.max(maxList, n.length());
            maxText = Math.max(maxText, n.elementLength());
        }
        return n;
    }

    private CelKind type(CelExpr e) {
        return ast.getType(e.id()).map(CelType::kind).orElse(CelKind.DYN);
    }

    /** A fact or a parameter: its size is known (parameters) or bounded by the request's schema (facts). */
    private Node name(CelExpr e) {
        String name = ast.getReference(e.id()).map(r -> r.name()).orElse(null);
        if (name == null && e.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            Node operand = node(e.select().operand());
            return new Node(add(operand.cost(), 1), operand.elementLength(), 0);
        }
        if (name != null && name.startsWith(Expression.PARAMS_PREFIX)) {
            Object value = parameters.get(name.substring(Expression.PARAMS_PREFIX.length()));
            if (value instanceof String s) {
                return new Node(1, s.length(), 0);
            }
            if (value instanceof List<?> list) {
                long longest = 0;
                for (Object element : list) {
                    longest = Math.max(longest, String.valueOf(element).length());
                }
                return new Node(1, list.size(), longest);
            }
            return new Node(1, 0, 0);
        }
        if (name != null && FactCatalog.facts().containsKey(name)) {
            return switch (FactCatalog.facts().get(name).type()) {
                case STRING, DATE -> new Node(1, FACT_TEXT, 0);
                case STRING_LIST -> new Node(1, FACT_LIST, FACT_TEXT);
                default -> new Node(1, 0, 0);
            };
        }
        return new Node(1, 0, 0); // a comprehension's variable
    }

    private Node list(List<CelExpr> elements) {
        long cost = 1;
        long longest = 0;
        for (CelExpr element : elements) {
            Node n = node(element);
            cost = add(cost, n.cost());
            longest = Math.max(longest, n.length());
        }
        return new Node(cost, elements.size(), longest);
    }

    private Node children(CelExpr e) {
        return new Node(1, 0, 0);
    }

    private Node call(CelExpr e) {
        List<CelExpr> argExprs = new java.util.ArrayList<>();
        e.call().target().ifPresent(argExprs::add);
        argExprs.addAll(e.call().args());
        Node[] args = new Node[argExprs.size()];
        long cost = 1;
        for (int i = 0; i < args.length; i++) {
            args[i] = node(argExprs.get(i));
        }
        String function = e.call().function();
        if (function.equals("_?_:_") && args.length == 3) {
            // only one branch is evaluated: the dearer
            Node a = args[1];
            Node b = args[2];
            return new Node(add(add(cost, args[0].cost()), Math.max(a.cost(), b.cost())),
                    Math.max(a.length(), b.length()), Math.max(a.elementLength(), b.elementLength()));
        }
        for (Node arg : args) {
            cost = add(cost, arg.cost());
        }
        CelKind result = type(e);
        switch (function) {
            case "join" -> {
                Node list = args[0];
                Node separator = args[1];
                long length = mul(list.length(), add(list.elementLength(), separator.length()));
                return new Node(add(cost, add(list.length(), chars(length))), length, 0);
            }
            case "_+_" -> {
                if (result == CelKind.STRING) {
                    long length = add(args[0].length(), args[1].length());
                    return new Node(add(cost, chars(length)), length, 0);
                }
                if (result == CelKind.LIST) {
                    long size = add(args[0].length(), args[1].length());
                    return new Node(add(cost, size), size, Math.max(args[0].elementLength(), args[1].elementLength()));
                }
                return new Node(cost, 0, 0);
            }
            case "@in" -> {
                // compares the element with each of the list's (or looks a key up in a map)
                Node in = args[1];
                // (a comparison of two texts stops at the shorter's end)
                return new Node(add(cost, mul(in.length(), add(1, chars(Math.min(args[0].length(), in.elementLength()))))), 0, 0);
            }
            case "_[_]" -> {
                return new Node(cost, args[0].elementLength(), 0);
            }
            case "matches" -> {
                // RE2: linear in the text, times the size of the pattern
                return new Node(add(cost, mul(add(1, chars(args[0].length())), add(1, args[1].length()))), 0, 0);
            }
            default -> {
                // comparisons, contains, startsWith, size, conversions, addDays …: read their arguments once
                long read = 0;
                long longest = 0;
                for (Node arg : args) {
                    read = add(read, add(chars(arg.length()), arg.elementLength() == 0 ? 0 : mul(arg.length(), chars(arg.elementLength()))));
                    longest = Math.max(longest, arg.length());
                }
                long length = result == CelKind.STRING ? Math.max(64, longest) : 0;
                return new Node(add(cost, read), length, 0);
            }
        }
    }

    /** A comprehension (macros are not enabled in rules, but should they ever be): every step once per element. */
    private Node comprehension(CelExpr e) {
        var c = e.comprehension();
        Node range = node(c.iterRange());
        Node init = node(c.accuInit());
        Node condition = node(c.loopCondition());
        Node step = node(c.loopStep());
        Node result = node(c.result());
        long perElement = add(add(condition.cost(), step.cost()), 1);
        long cost = add(add(add(range.cost(), init.cost()), mul(range.length(), perElement)), result.cost());
        return new Node(cost, Math.max(range.length(), result.length()), Math.max(step.length(), result.elementLength()));
    }

    private static long chars(long length) {
        return (length + CHARS_PER_UNIT - 1) / CHARS_PER_UNIT;
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long mul(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > CAP / b ? CAP : Math.min(CAP, a * b);
    }
}
