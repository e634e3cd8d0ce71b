using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace RfmGraph.Platform.Security;

/// <summary>
/// The shape of an API key: <c>rfm_&lt;prefix&gt;_&lt;secret&gt;</c>. The 12-hex-digit prefix is a
/// random public id used to find the stored row; the 43-character secret (32 random bytes,
/// base64url) is never stored, only its SHA-256.
/// </summary>
public static class ApiKey
{
    private const string Scheme = "rfm_";
    private const int PrefixLength = 12;
    private const int SecretBytes = 32;

    /// <summary>A new random key and its parts.</summary>
    public static (string Key, string Prefix, byte[] SecretHash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Scheme}{prefix}_{secret}", prefix, Hash(secret));
    }

    /// <summary>Splits a presented key; false for anything not shaped like one of ours.</summary>
    public static bool TryParse(string? presented, [NotNullWhen(true)] out string? prefix, [NotNullWhen(true)] out string? secret)
    {
        prefix = null;
        secret = null;
        if (presented is null || presented.Length != Scheme.Length + PrefixLength + 1 + 43 || !presented.StartsWith(Scheme, StringComparison.Ordinal)
            || presented[Scheme.Length + PrefixLength] != '_')
        {
            return false;
        }

        var candidatePrefix = presented.Substring(Scheme.Length, PrefixLength);
        if (!candidatePrefix.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        prefix = candidatePrefix;
        secret = presented[(Scheme.Length + PrefixLength + 1)..];
        return true;
    }

    /// <summary>SHA-256 of the secret part. The secret is 256 random bits, so a fast hash is enough (no dictionary to attack).</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time comparison of a presented secret with a stored hash.</summary>
    public static bool Matches(string secret, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
