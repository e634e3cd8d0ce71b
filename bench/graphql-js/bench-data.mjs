// The in-memory benchmark data, built once at start-up from fixed formulas (bench/README.md,
// "Benchmark data") so the Host's benchmark endpoint can build the very same rows.
const COLORS = ['red', 'green', 'blue'];
const SIZES = ['S', 'M', 'L'];
const CITIES = ['Oslo', 'Lima', 'Pune', 'Kyiv'];

export const PRODUCT_COUNT = 100;
export const VARIANTS_PER_PRODUCT = 3;

export function buildBenchData() {
  const categories = Array.from({ length: 10 }, (_, k) => ({ id: `c${k + 1}`, name: `Category ${k + 1}` }));
  const warehouses = CITIES.map((city, k) => ({ id: `w${k + 1}`, name: `Warehouse ${k + 1}`, city }));
  const products = [];
  for (let i = 1; i <= PRODUCT_COUNT; i++) {
    const variants = [];
    for (let j = 1; j <= VARIANTS_PER_PRODUCT; j++) {
      variants.push({
        id: `p${i}-v${j}`,
        sku: `SKU-${i}-${j}`,
        color: COLORS[j - 1],
        size: SIZES[(i + j) % 3],
        stock: (i * j) % 17,
        warehouse: warehouses[(i + j) % 4],
      });
    }
    products.push({
      id: `p${i}`,
      name: `Product ${i}`,
      description: `Description of product ${i}`,
      price: i * 1.25, // multiples of 1/4 print identically in every runtime
      inStock: i % 3 !== 0,
      rating: (i % 5) + 0.5,
      category: categories[(i - 1) % 10],
      variants,
    });
  }
  return { products };
}
