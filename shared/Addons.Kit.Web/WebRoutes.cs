using Microsoft.AspNetCore.Routing;

namespace Addons.Kit.Web;

/// <summary>The addon's route mapping, kept until the server starts.</summary>
internal sealed class WebRoutes(Action<IEndpointRouteBuilder, IServiceProvider> map)
{
    public void Map(IEndpointRouteBuilder routes, IServiceProvider addonServices) => map(routes, addonServices);
}
