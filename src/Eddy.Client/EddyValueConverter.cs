using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eddy.Client;

/// <summary>Reads and writes <see cref="EddyValue"/> as the JSON scalar it is.</summary>
internal sealed class EddyValueConverter : JsonConverter<EddyValue>
{
    public override bool HandleNull => true;

    public override EddyValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => EddyValue.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, EddyValue value, JsonSerializerOptions options) => value.WriteTo(writer);
}
