/**
 * Exceptions that say whose problem a failure is: the user's (configuration, bad data), an
 * external system's (a broker or database refused or is unreachable; often retriable), or
 * Sluice's own (a broken invariant).
 */
package io.sluice.api.error;
