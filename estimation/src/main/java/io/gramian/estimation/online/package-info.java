/**
 * Estimation as data arrive: recursive maximum likelihood on the online filter's exact
 * sensitivities ({@link io.gramian.estimation.online.OnlineMaximumLikelihood}).
 */
package io.gramian.estimation.online;
