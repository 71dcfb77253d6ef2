namespace Addons.Kit.Controllers;

/// <summary>A registered <see cref="ILeaderService"/>, created when the host starts.</summary>
internal sealed class LeaderServiceRegistration(string name, Func<IServiceProvider, ILeaderService> create)
{
    public string Name { get; } = name;

    public ILeaderService Create(IServiceProvider services) => create(services);
}
