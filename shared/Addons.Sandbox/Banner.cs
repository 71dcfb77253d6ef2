using Addons.Sandbox.Plugins;

namespace Addons.Sandbox;

/// <summary>Tells the user what runs and how to poke at it; printed once every addon is ready.</summary>
internal static class Banner
{
    public static void Print(SandboxContext context, IReadOnlyList<AddonProcess> running, IReadOnlyDictionary<string, int> jobs, AwsSandbox aws, string? toolsProblem)
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
        Console.WriteLine($"  KUBECONFIG={kubeconfig} {context.Kubectl} delete nodeclaim general-7x2kq   (Karpenter replaces it: a new node is Ready ~5 s later, at the EKS cluster's version)");
        foreach (var addon in SandboxAddons.All)
        {
            var process = running.FirstOrDefault(p => p.Name == addon.Name);
            Console.WriteLine();
            Console.WriteLine(
                process is not null ? $"{addon.Name}: running (pid {process.Id}, port {context.PortFor(addon.Name)}, log {context.ForShell(process.LogPath)})"
                : jobs.TryGetValue(addon.Name, out var exit) ? $"{addon.Name}: ran once at start, exit code {exit} (a job)"
                : $"{addon.Name}: not running");
            foreach (var line in addon.Describe(context))
            {
                Console.WriteLine("  " + line);
            }
        }
        Console.WriteLine();
        Console.WriteLine($"EKS/STS emulator: {aws.Aws.Endpoint} (region {aws.Aws.Region}; cluster {AwsSandbox.ClusterName} at {AwsSandbox.InitialVersion} whose API is the emulator above; updates take 30 s)");
        foreach (var command in aws.Commands())
        {
            Console.WriteLine("  " + command);
        }

        Console.WriteLine();
        Console.WriteLine("Ctrl+C stops everything.");
    }
}
