namespace Addons.Kit.Testing.Aws;

/// <summary>Maps an EKS REST path to its operation name and path parameters.</summary>
internal static class EksRoute
{
    public static (string Operation, string[] Args) Match(string method, string path)
    {
        var s = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        return (method, s) switch
        {
            ("GET", ["clusters"]) => ("ListClusters", []),
            ("GET", ["clusters", var c]) => ("DescribeCluster", [c]),
            ("GET", ["cluster-versions"]) => ("DescribeClusterVersions", []),
            ("POST", ["clusters", var c, "updates"]) => ("UpdateClusterVersion", [c]),
            ("GET", ["clusters", var c, "updates"]) => ("ListUpdates", [c]),
            ("GET", ["clusters", var c, "updates", var u]) => ("DescribeUpdate", [c, u]),
            ("GET", ["clusters", var c, "addons"]) => ("ListAddons", [c]),
            ("GET", ["clusters", var c, "addons", var a]) => ("DescribeAddon", [c, a]),
            ("POST", ["clusters", var c, "addons", var a, "update"]) => ("UpdateAddon", [c, a]),
            ("GET", ["addons", "supported-versions"]) => ("DescribeAddonVersions", []),
            ("GET", ["clusters", var c, "node-groups"]) => ("ListNodegroups", [c]),
            ("GET", ["clusters", var c, "node-groups", var n]) => ("DescribeNodegroup", [c, n]),
            ("POST", ["clusters", var c, "node-groups", var n, "update-version"]) => ("UpdateNodegroupVersion", [c, n]),
            ("POST", ["clusters", var c, "insights"]) => ("ListInsights", [c]),
            ("GET", ["clusters", var c, "insights", var i]) => ("DescribeInsight", [c, i]),
            ("POST", ["clusters", var c, "update-config"]) => ("UpdateClusterConfig", [c]),
            _ => ("Unknown", []),
        };
    }
}
