/** The {@code sluice} command line: run, validate, plugins list/describe, version. */
package io.sluice.core.cli;
