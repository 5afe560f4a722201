// Durations as seconds, for timings and reports (one conversion instead of one per caller).

extension Duration {
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
