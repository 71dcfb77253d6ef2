using Addons.Sandbox.Plugins;

namespace Addons.Sandbox;

/// <summary>Tells the user what runs and how to poke at it; printed once every addon is ready.</summary>
internal static class Banner
{
    public static void Print(SandboxContext context, IReadOnlyList<AddonProcess> running, AwsSandbox aws, string? toolsProblem)
    {
        var kubeconfig = context.KubeconfigForShell;
        Console.WriteLine();
        Console.WriteLine($"Kubernetes API emulator: {context.ApiUrl}");
        Console.WriteLine($"kubeconfig:              {kubeconfig}   (HTTPS with its own CA and a bearer token; nothing else answers it)");
        if (toolsProblem is not null)
        {
            Console.WriteLine($"kubectl/helm:            not installed: {toolsProblem}");
        }
        Console.WriteLine();
        Console.WriteLine("Try:");
        Console.WriteLine($"  export KUBECONFIG={context.KubeconfigPath}");
        Console.WriteLine($"  KUBECONFIG={kubeconfig} {context.Kubectl} get nodepools,nodes");
        Console.WriteLine($"  KUBECONFIG={kubeconfig} {context.Kubectl} get vulnerabilityreports -A");
        Console.WriteLine($"  KUBECONFIG={kubeconfig} {context.Kubectl} get events -A");
        foreach (var addon in SandboxAddons.All)
        {
            var process = running.FirstOrDefault(p => p.Name == addon.Name);
            Console.WriteLine();
            Console.WriteLine(process is null ? $"{addon.Name}: not running" : $"{addon.Name}: running (pid {process.Id}, port {context.PortFor(addon.Name)}, log {context.ForShell(process.LogPath)})");
            foreach (var line in addon.Describe(context))
            {
                Console.WriteLine("  " + line);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"EKS/STS emulator: {aws.Aws.Endpoint} (region {aws.Aws.Region}; cluster {AwsSandbox.ClusterName} at 1.30 whose API is the emulator above; updates take 30 s)");
        foreach (var command in aws.Commands())
        {
            Console.WriteLine("  " + command);
        }

        Console.WriteLine();
        Console.WriteLine("Ctrl+C stops everything.");
    }
}
