using Eddy.Base;

namespace Eddy.Server.Json;

/// <summary>The non-feature parts of a predict or learn body: the label and the pending-prediction id.</summary>
internal struct ExampleRequest
{
    public bool HasX;
    public bool HasY;
    public Label Y;
    public string? Id;
}
