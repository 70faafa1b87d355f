using Eddy.Base;

namespace Eddy.Server.Json;

/// <summary>
/// The non-feature parts of a predict or learn body: the label, the pending-prediction id, and for anomaly models
/// the feedback <c>"label"</c> (was the example really an anomaly?), which only scores the metrics.
/// </summary>
internal struct ExampleRequest
{
    public bool HasX;
    public bool HasY;
    public Label Y;
    public string? Id;
    public bool HasFeedback;
    public Label Feedback;
}
