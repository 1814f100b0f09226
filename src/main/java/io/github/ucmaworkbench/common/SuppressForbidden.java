package io.github.ucmaworkbench.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets the build's forbidden-apis check pass over one method or class that uses a forbidden API by
 * design (the command line prints to the console). Always say why.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE, ElementType.FIELD})
public @interface SuppressForbidden {
    /** Why the forbidden API is right here. */
    String value();
}
