using System.Globalization;
using System.Text;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// The opaque <c>continue</c> value: the last key served and the list's resourceVersion, base64-encoded
/// so clients treat it as opaque, as they must with a real server.
/// </summary>
internal static class ContinueToken
{
    public static string Encode(string lastKey, long resourceVersion) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(resourceVersion.ToString(CultureInfo.InvariantCulture) + "\n" + lastKey));

    public static (string? AfterKey, long? ResourceVersion) Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline < 0)
            {
                throw new FormatException("missing separator");
            }

            return (text[(newline + 1)..], long.Parse(text[..newline], CultureInfo.InvariantCulture));
        }
        catch (FormatException e)
        {
            throw new ApiError(400, "BadRequest", "continue key is not valid: " + e.Message);
        }
    }
}
