package org.shiftscope.train.scenario;

import org.shiftscope.nn.Network;
import org.shiftscope.nn.Sgd;

/**
 * What a live setting acts on in one run of a training session ({@link LiveEffect}).
 *
 * @param net the run's network
 * @param sgd the run's optimizer
 */
public record Engine(Network net, Sgd sgd) { }
