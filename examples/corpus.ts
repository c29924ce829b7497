// A small Spanish corpus for step 5, written for this example around the
// lecture's sentence "Nathalia está estudiando matemáticas". Its sentences
// reuse a small vocabulary on purpose, so that a bigram model has something
// to learn from a few hundred words.

export const corpus = `
Nathalia está estudiando matemáticas.
Nathalia estudia matemáticas en la biblioteca.
Nathalia está estudiando derivadas con su amiga.
Su amiga está estudiando física en la biblioteca.
Nathalia estudia la derivada de una función.
La derivada de una función mide el cambio.
El gradiente es un vector de derivadas.
El gradiente indica la dirección del cambio.
Nathalia calcula el gradiente de la función.
Su amiga calcula la derivada con la regla de la cadena.
La regla de la cadena multiplica las derivadas.
El grafo de la función tiene nodos y aristas.
Cada nodo del grafo guarda un valor.
Cada arista del grafo guarda una derivada.
Nathalia dibuja el grafo de la función.
El modo directo recorre el grafo hacia adelante.
El modo inverso recorre el grafo hacia atrás.
El modo inverso calcula el gradiente en una pasada.
El modo directo necesita una pasada por cada parámetro.
La red tiene muchos parámetros.
La red aprende con el gradiente.
Nathalia entrena una red en la biblioteca.
Su amiga entrena una red con muchos datos.
La red predice la siguiente palabra.
El modelo predice la siguiente palabra de la frase.
El modelo aprende las palabras de la frase.
Nathalia escribe una frase en español.
Su amiga lee la frase de Nathalia.
La frase tiene cuatro palabras.
Cada palabra tiene un índice.
Cada índice tiene un vector.
El vector de la palabra tiene un uno y muchos ceros.
Nathalia está estudiando el modelo de lenguaje.
El modelo de lenguaje aprende con muchos datos.
La función de pérdida mide el error del modelo.
El gradiente de la pérdida indica la dirección del error.
Nathalia baja por el gradiente de la pérdida.
La pérdida baja en cada paso.
Su amiga está estudiando la pérdida del modelo.
Nathalia está contenta con el modelo.
Su amiga está contenta con la red.
Nathalia está estudiando matemáticas con su amiga.
`;

/** The corpus as lower-case words, with "." kept as a word that ends each sentence. */
export function words(text: string): string[] {
  return text
    .toLocaleLowerCase("es")
    .replace(/\./g, " . ")
    .split(/\s+/)
    .filter((w) => w.length > 0);
}
