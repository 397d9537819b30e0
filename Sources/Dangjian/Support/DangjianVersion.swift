/// The product's version, shown by `dangjian --version` and written into its Debian package's name.
public enum DangjianVersion {
    public static let current = "1.0.0"
}
