using System.Buffers;
using System.IO.Pipelines;
using Eddy.Server.Problems;

namespace Eddy.Server.Http;

/// <summary>Reads a whole JSON body from Kestrel's pipe, without copying, within the configured size limit.</summary>
internal static class RequestBody
{
    /// <summary>
    /// Reads until the body is complete and returns it; the caller must call <see cref="Release"/> after parsing.
    /// Refuses non-JSON content types (415) and bodies over <paramref name="limit"/> bytes (413) before reading them whole.
    /// </summary>
    public static async ValueTask<ReadOnlySequence<byte>> ReadAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        string? contentType = request.ContentType;
        if (contentType is not null && !IsJson(contentType))
        {
            throw new ClientErrorException(ProblemKind.UnsupportedMediaType, $"The body must be application/json, not {contentType}.");
        }

        if (request.ContentLength > limit)
        {
            throw new ClientErrorException(ProblemKind.BodyTooLarge, $"The body has {request.ContentLength} bytes; the limit is {limit}.");
        }

        PipeReader reader = request.BodyReader;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(cancellation).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e)
            {
                // Kestrel's own refusals (a client that hung up mid-body, a body over its limit) are client errors.
                ProblemKind kind = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? ProblemKind.BodyTooLarge : ProblemKind.InvalidRequest;
                throw new ClientErrorException(kind with { Status = e.StatusCode }, e.Message);
            }

            if (result.Buffer.Length > limit)
            {
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw new ClientErrorException(ProblemKind.BodyTooLarge, $"The body is over the limit of {limit} bytes.");
            }

            if (result.IsCompleted)
            {
                if (result.Buffer.IsEmpty)
                {
                    reader.AdvanceTo(result.Buffer.End);
                    throw new ClientErrorException(ProblemKind.MalformedJson, "The body is empty; a JSON object is expected.");
                }

                return result.Buffer;
            }

            // Not complete: keep everything buffered and ask for more.
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    public static void Release(HttpRequest request, ReadOnlySequence<byte> body) => request.BodyReader.AdvanceTo(body.End);

    private static bool IsJson(string contentType)
    {
        ReadOnlySpan<char> mediaType = contentType.AsSpan();
        int semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
        {
            mediaType = mediaType[..semicolon];
        }

        mediaType = mediaType.Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase);
    }
}
