// Work spread over the machine's cores with results kept in input order,
// so parallel stages stay deterministic.

import Dispatch
import Synchronization

extension Array where Element: Sendable {
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let slots = Mutex<[Result?]>(Array<Result?>(repeating: nil, count: count))
        let chunkCount = Swift.min(count, 64)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        withoutActuallyEscaping(transform) { transform in
            let items = self
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, items.count)
                guard start < end else { return }
                var local: [Result] = []
                local.reserveCapacity(end - start)
                for i in start..<end { local.append(transform(items[i])) }
                slots.withLock { slots in
                    for (offset, value) in local.enumerated() { slots[start + offset] = value }
                }
            }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }
}
