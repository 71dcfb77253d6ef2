namespace Addons.Kit.Controllers;

/// <summary>A registered controller, created when the host starts.</summary>
internal sealed class ControllerRegistration(string name, Func<IServiceProvider, IControllerRunner> create)
{
    public string Name { get; } = name;

    public IControllerRunner Create(IServiceProvider services) => create(services);
}
