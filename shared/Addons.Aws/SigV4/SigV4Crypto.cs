using System.Security.Cryptography;
using System.Text;

namespace Addons.Aws.SigV4;

/// <summary>The hashing half of SigV4: payload hash, string to sign, signing key and signature.</summary>
public static class SigV4Crypto
{
    /// <summary>The algorithm name in Authorization headers and X-Amz-Algorithm.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Hex SHA-256 of an empty payload.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Lower-case hex SHA-256 of <paramref name="data"/>.</summary>
    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string HashHex(string text) => HashHex(Encoding.UTF8.GetBytes(text));

    /// <summary>AWS4-HMAC-SHA256 \n amzdate \n scope \n hash(canonical request).</summary>
    public static string StringToSign(SigningScope scope, string canonicalRequest) =>
        $"{Algorithm}\n{scope.AmzDate}\n{scope.CredentialScope}\n{HashHex(canonicalRequest)}";

    /// <summary>The hex signature of <paramref name="stringToSign"/> with the key derived from <paramref name="secretAccessKey"/>.</summary>
    public static string Signature(string secretAccessKey, SigningScope scope, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), scope.Date);
        key = Hmac(key, scope.Region);
        key = Hmac(key, scope.Service);
        key = Hmac(key, "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }

    /// <summary>Compares two signatures in constant time.</summary>
    public static bool SignaturesEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
