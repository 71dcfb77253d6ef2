using System.ComponentModel.DataAnnotations;

namespace Addons.Kit.Web;

/// <summary>The addon's HTTP server (section <c>Web</c>): its own port, apart from the kit's probe listener.</summary>
public sealed class WebServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Web";

    /// <summary>Port of the API/UI server.</summary>
    /// <value>The default value is 3000.</value>
    [Range(1, 65535)]
    public int Port { get; set; } = 3000;

    /// <summary>Address to bind.</summary>
    /// <value>The default value is 0.0.0.0 (all interfaces, as a pod needs).</value>
    [Required]
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Largest request body accepted; larger ones get a JSON 413.</summary>
    /// <value>The default value is 1 MiB: an API of small JSON documents, not an upload service.</value>
    [Range(1, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Paths under this prefix are the API: unknown ones get a JSON 404, never a UI page.</summary>
    /// <value>The default value is <c>/api/</c>.</value>
    [Required]
    public string ApiPrefix { get; set; } = "/api/";

    /// <summary>How long a client may take to send its request headers (slow-loris bound).</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
