/**
 * Loading and checking pipeline files: HOCON with {@code include} and {@code ${ENV}}, {@code --set}
 * overrides, and problems reported as {@code file:line: path: message}.
 */
package io.sluice.core.config;
