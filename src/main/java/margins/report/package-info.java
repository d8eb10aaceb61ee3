/**
 * The measures wired to a studio: outputs placed against the archive their model learned from (the measurer every
 * command uses), `margins measure`, and `margins report` with the held-out split as reference and noise as the
 * floor. May import sample, bend, recipe and the layers below.
 */
package margins.report;
