using System.Globalization;
using Addons.Kit.Settings;

namespace Addons.Kit.Web;

/// <summary>The web server's rows for an addon's settings table (rename them with <c>with { Flag, Env }</c>).</summary>
public static class WebSettings
{
    /// <summary><c>--web-port</c> → <c>Web:Port</c> (collector: <c>WebSettings.Port with { Env = "SERVER_PORT" }</c>).</summary>
    public static ConfigSetting<int> Port { get; } = new("Web:Port", SettingValues.Integer(1, 65535))
    {
        Flag = "web-port", Help = "Port of the API and UI server",
        KitDefault = new WebServerOptions().Port.ToString(CultureInfo.InvariantCulture), Group = "Web",
    };

    /// <summary><c>--web-max-body-bytes</c> → <c>Web:MaxRequestBodyBytes</c>.</summary>
    public static ConfigSetting<int> MaxRequestBodyBytes { get; } = new("Web:MaxRequestBodyBytes", SettingValues.Integer(1, int.MaxValue, "a number of bytes from 1 to 2147483647"))
    {
        Flag = "web-max-body-bytes", Help = "Largest request body accepted (larger: 413)",
        KitDefault = new WebServerOptions().MaxRequestBodyBytes.ToString(CultureInfo.InvariantCulture), Group = "Web",
    };

    /// <summary>Both rows.</summary>
    public static IReadOnlyList<Setting> All => [Port, MaxRequestBodyBytes];
}
