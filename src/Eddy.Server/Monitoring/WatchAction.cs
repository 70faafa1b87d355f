namespace Eddy.Server.Monitoring;

/// <summary>What a model's policy does when a monitor fires.</summary>
internal enum WatchAction
{
    /// <summary>Record the event; change nothing.</summary>
    Alert,

    /// <summary>Start over from a fresh model (River's <c>clone()</c>); the schema and metrics go on.</summary>
    Reset,

    /// <summary>Go back to the newest checkpoint taken at least <c>window</c> learns before the alarm.</summary>
    Rollback,

    /// <summary>Replace the model by a fresh one trained on the last <c>window</c> learned examples, in log order.</summary>
    Retrain,

    /// <summary>
    /// Start a challenger: a fresh copy of the champion's spec trained on the last <c>window</c> learned examples; the
    /// promotion rule decides whether it takes over.
    /// </summary>
    Challenger,
}
