/// A square of modules (true = dark) with the function modules marked, which data placement and masking leave alone.
struct ModuleMatrix: Sendable {
    let size: Int
    private(set) var dark: [Bool]
    private(set) var isFunction: [Bool]

    init(size: Int) {
        self.size = size
        dark = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
    }

    subscript(row: Int, column: Int) -> Bool {
        get { dark[row * size + column] }
        set { dark[row * size + column] = newValue }
    }

    func isFunction(row: Int, column: Int) -> Bool { isFunction[row * size + column] }

    /// Sets a function module (or reserves one, when `dark` is false and the value comes later).
    mutating func setFunction(row: Int, column: Int, dark value: Bool) {
        dark[row * size + column] = value
        isFunction[row * size + column] = true
    }

    /// Inverts every data module where the mask's condition holds (section 7.8.2); applying it twice undoes it.
    mutating func applyMask(_ mask: Int) {
        for row in 0..<size {
            for column in 0..<size where !isFunction[row * size + column] && MaskPattern.inverts(mask, row, column) {
                dark[row * size + column].toggle()
            }
        }
    }
}
