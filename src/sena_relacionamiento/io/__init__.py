"""Entrada y salida: la carpeta de CSV y libros de Excel de las oficinas y los informes en
texto, JSON, CSV, XLSX y HTML.

Es un borde de la biblioteca: importa el núcleo y el núcleo nunca lo importa.

>>> from sena_relacionamiento import Periodo, informe
>>> from sena_relacionamiento.io import datos_de_ejemplo, informe_texto
>>> inf = informe(datos_de_ejemplo(), Periodo(2012, 3))
>>> print(informe_texto(inf).splitlines()[0])
Informe de la Circular 109 de 2012 — marzo de 2012 (2012-03)
"""

from sena_relacionamiento.datos_ejemplo import carpeta_de_ejemplo, datos_de_ejemplo
from sena_relacionamiento.io.csv_lector import (
    ARCHIVOS,
    CIFRAS_ENTERO,
    LIMITE_CELDA,
    LIMITE_ERRORES,
    ErroresDeLectura,
    codificacion,
    columnas,
    leer_booleano,
    leer_carpeta,
    leer_csv,
    leer_entero,
    leer_fecha,
    leer_pesos,
)
from sena_relacionamiento.io.entrada import leer_datos, leer_libro
from sena_relacionamiento.io.escritores import (
    COLUMNAS,
    ESQUEMA_JSON,
    FORMATOS,
    datos_json,
    escribir,
    escribir_atomico,
    generar,
    informe_csv,
    informe_csv_excel,
    informe_json,
    informe_texto,
    informe_xlsx,
    neutralizar,
    neutralizar_csv,
)
from sena_relacionamiento.io.pagina_html import (
    grafico_cv,
    grafico_ec,
    informe_html,
    pagina_html,
    tablero_html,
)
from sena_relacionamiento.io.parametros import cargar_parametros

__all__ = [
    "ARCHIVOS",
    "CIFRAS_ENTERO",
    "COLUMNAS",
    "ESQUEMA_JSON",
    "FORMATOS",
    "LIMITE_CELDA",
    "LIMITE_ERRORES",
    "ErroresDeLectura",
    "cargar_parametros",
    "carpeta_de_ejemplo",
    "codificacion",
    "columnas",
    "datos_de_ejemplo",
    "datos_json",
    "escribir",
    "escribir_atomico",
    "generar",
    "grafico_cv",
    "grafico_ec",
    "informe_csv",
    "informe_csv_excel",
    "informe_html",
    "informe_json",
    "informe_texto",
    "informe_xlsx",
    "leer_booleano",
    "leer_carpeta",
    "leer_csv",
    "leer_datos",
    "leer_entero",
    "leer_fecha",
    "leer_libro",
    "leer_pesos",
    "neutralizar",
    "neutralizar_csv",
    "pagina_html",
    "tablero_html",
]
