using Microsoft.Extensions.Options;

namespace Addons.Kit.Web;

/// <summary>Source-generated (AOT-clean) validation of <see cref="WebServerOptions"/> at start.</summary>
[OptionsValidator]
internal sealed partial class WebServerOptionsValidator : IValidateOptions<WebServerOptions>;
