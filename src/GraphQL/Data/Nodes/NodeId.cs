using System.Globalization;
using System.Text;

namespace RfmGraph.GraphQL.Data;

/// <summary>
/// Global object ids (Relay): base64 of <c>TypeName:key</c>. Opaque to clients, stable across requests, and
/// enough to find the type's node resolver and the row.
/// </summary>
public static class NodeId
{
    /// <summary>Encodes the id of the <paramref name="typeName"/> row with <paramref name="key"/>.</summary>
    public static string Encode(string typeName, object key)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        ArgumentNullException.ThrowIfNull(key);
        var text = typeName + ":" + Convert.ToString(key, CultureInfo.InvariantCulture);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Splits an id into type name and raw key; false when it is not one of ours.</summary>
    public static bool TryDecode(string id, out string typeName, out string key)
    {
        typeName = key = "";
        if (string.IsNullOrEmpty(id) || id.Length > 1024)
        {
            return false;
        }
        var buffer = new byte[(id.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(id, buffer, out var length))
        {
            return false;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }
        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }
}
