package com.tracklane.track.service;

/** Compiles the conditions and message placeholders of one version (see {@link CelExpressions}). */
interface ExpressionCompiler {

    /** A condition that must yield a boolean. */
    CelExpressions.Compiled condition(String source);

    /** A value to show in a message. */
    CelExpressions.Compiled value(String source);
}
