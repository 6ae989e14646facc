/**
 * Spelling and transliteration families of names seen across the estate: any member may be
 * written for any other by a clerk copying a record (004 §6.47: person details copied onto each
 * case and diverging). Reference data owned by the gateway; extend it as caseworkers report new
 * families. Each family's first member is its canonical spelling.
 *
 * Deliberately a separate list from the synthetic estate's noise (mocks/estate/noise.ts): the gateway
 * never imports the estate. The two start out equal, so evaluation on the synthetic estate is kind to
 * names from these families; real transliteration is wider than either list.
 */
export const NAME_VARIANTS: readonly (readonly string[])[] = Object.freeze([
  ['MOHAMMED', 'MUHAMMAD', 'MOHAMED', 'MOHAMMAD', 'MUHAMMED', 'MOHAMAD'],
  ['AHMED', 'AHMAD', 'AHMET'],
  ['YUSUF', 'YOUSSEF', 'YOUSEF', 'YUSSUF', 'JOSEF'],
  ['HUSSEIN', 'HUSSAIN', 'HUSAIN', 'HOSSEIN'],
  ['ABDULLAH', 'ABDALLA', 'ABDULLAHI'],
  ['MUSTAFA', 'MOSTAFA', 'MUSTAPHA'],
  ['OMAR', 'UMAR', 'OMER'],
  ['ALI', 'ALY'],
  ['HASSAN', 'HASAN'],
  ['IBRAHIM', 'EBRAHIM', 'IBRAHEEM'],
  ['KHALID', 'KHALED'],
  ['FATIMA', 'FATMA', 'FATEMA', 'FATIMAH'],
  ['AISHA', 'AYESHA', 'AISHAH', 'AYSHA'],
  ['MARYAM', 'MARIAM', 'MERYEM'],
  ['ABDI', 'ABDY'],
  ['OLUWASEUN', 'OLUWASEYI', 'SEUN'],
  ['CHUKWUEMEKA', 'CHUKWUMEKA', 'EMEKA'],
  ['NGUYEN', 'NGUYEN VAN', 'NGUYENN'],
  ['ALEKSANDR', 'ALEXANDER', 'ALEKSANDER', 'OLEKSANDR'],
  ['SERGEI', 'SERGEY', 'SERHIY'],
  ['DMITRI', 'DMITRY', 'DMYTRO'],
  ['TATYANA', 'TATIANA', 'TETIANA'],
  ['YURI', 'YURIY', 'IURII'],
  ['MIHAI', 'MIHAIL', 'MIKHAIL'],
  ['KRZYSZTOF', 'KRYSZTOF'],
  ['MAHMOUD', 'MAHMUD', 'MEHMOOD', 'MAHMOOD'],
  ['RAHMAN', 'REHMAN', 'RAHMAAN'],
  ['KHAN', 'KAHN'],
  ['SINGH', 'SINGHH'],
  ['MOHAMMADI', 'MOHAMADI', 'MUHAMMADI'],
].map((family) => Object.freeze(family)));
