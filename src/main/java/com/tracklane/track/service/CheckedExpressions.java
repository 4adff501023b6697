package com.tracklane.track.service;

import com.tracklane.common.Hashing;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.FactCatalog;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.common.CelSource;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.expr.CheckedExpr;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CEL's checked expressions as bytes ({@code CheckedExpr}, protobuf) and back, and the fingerprint of what else than
 * an expression's source and its version's parameters decides what compiling it gives.
 */
final class CheckedExpressions {

    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d+(?:\\.\\d+)+[^/!]*?)\\.jar");

    /**
     * The entry format, the CEL and protobuf libraries, the added functions and the declared facts. Bump the format
     * when {@link CelExpressions} compiles differently in any other way (options, macros, result types).
     */
    static final String ENVIRONMENT = environment();

    private CheckedExpressions() {
    }

    private static String environment() {
        StringBuilder s = new StringBuilder("tracklane-checked-expressions/1\n");
        s.append("cel ").append(libraryVersion(CelCompilerFactory.class)).append(' ').append(libraryVersion(CelRuntimeFactory.class))
                .append(' ').append(libraryVersion(CelProtoAbstractSyntaxTree.class)).append('\n');
        s.append("protobuf ").append(com.google.protobuf.RuntimeVersion.MAJOR).append('.').append(com.google.protobuf.RuntimeVersion.MINOR)
                .append('.').append(com.google.protobuf.RuntimeVersion.PATCH).append('\n');
        CelFunctions.DECLARATIONS.forEach(f -> s.append(f).append('\n'));
        new TreeMap<>(FactCatalog.facts()).forEach((name, fact) -> s.append(name).append(':').append(fact.type()).append('\n'));
        return "sha256:" + Hashing.sha256Hex(s.toString());
    }

    /** The version in the name of the jar that holds the class (…-0.14.0.jar), else where it was loaded from. */
    private static String libraryVersion(Class<?> type) {
        java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null ? "unknown" : source.getLocation().toString();
        Matcher m = JAR_VERSION.matcher(location);
        return m.find() ? m.group(1) : location;
    }

    /** The checked expression of a compiled CEL expression, serialised; empty for a bare name (no CEL). */
    static Optional<byte[]> write(Expression expression) {
        return CelExpressions.ast(expression).map(ast -> CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr().toByteArray());
    }

    /**
     * The checked syntax tree the bytes hold, with the source text given back (the proto form keeps positions only, and
     * messages quote the text); empty when they are not a checked expression, or not a boolean one for a condition.
     * Throws on bytes that are not a protobuf message.
     */
    static Optional<CelAbstractSyntaxTree> read(String source, byte[] bytes, boolean condition)
            throws com.google.protobuf.InvalidProtocolBufferException {
        CelAbstractSyntaxTree read = CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(bytes)).getAst();
        if (!read.isChecked() || (condition && !SimpleType.BOOL.equals(read.getResultType()))) {
            return Optional.empty();
        }
        CelSource text = CelSource.newBuilder(source)
                .setDescription(read.getSource().getDescription())
                .addPositionsMap(read.getSource().getPositionsMap())
                .addAllMacroCalls(read.getSource().getMacroCalls())
                .addAllExtensions(read.getSource().getExtensions())
                .build();
        return Optional.of(CelAbstractSyntaxTree.newCheckedAst(read.getExpr(), text, read.getReferenceMap(), read.getTypeMap()));
    }
}
