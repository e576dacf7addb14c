import Foundation
import Testing
@testable import KizunaCore
