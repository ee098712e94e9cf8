"""El informe en HTML: una página autocontenida y las tablas para cuadernos (Jupyter).

`pagina_html` da una página completa sin recursos externos (CSS en línea, gráficos SVG en
línea): los tableros de la nación, los roles y las regionales con datos, coloreados por
semáforo (R25); un gráfico del avance de cada regional en contratos voluntarios frente a su
meta (CV, R19) y otro de la cobertura de empresas contactadas (EC, R14); la matriz de los
gestores y los excluidos (R23). `informe_html` y `tablero_html` dan una sola tabla, para el
``_repr_html_`` de `Informe` y `Tablero`. Todo texto que viene de los datos se escapa.

Importar este módulo no tiene efectos: solo define funciones.

>>> from sena_relacionamiento import DatosSeguimiento, Periodo, informe
>>> inf = informe(DatosSeguimiento(gestores=(), asignaciones=()), Periodo(2012, 3))
>>> tablero_html(inf.nacional).startswith("<table")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Final

from sena_relacionamiento import formato
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado, Semaforo

if TYPE_CHECKING:
    from sena_relacionamiento.informe import Informe, Tablero

__all__ = ["grafico_cv", "grafico_ec", "informe_html", "pagina_html", "tablero_html"]

# Semáforo → (clase CSS, color fuerte, color de fondo).
_COLORES: Final = {
    Semaforo.VERDE: ("verde", "#2e7d32", "#e8f5e9"),
    Semaforo.AMARILLO: ("amarillo", "#f9a825", "#fff8e1"),
    Semaforo.ROJO: ("rojo", "#c62828", "#ffebee"),
    None: ("neutro", "#9e9e9e", "#f5f5f5"),
}

_CSS: Final = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#212121;background:#fff;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #39a900}
h3{margin:1.4rem 0 .5rem}.sub{color:#555;margin-top:0}
.tarjetas{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.6rem}
.tarjeta{border-left:.45rem solid #9e9e9e;background:#f5f5f5;padding:.5rem .75rem}
.tarjeta.verde{border-color:#2e7d32;background:#e8f5e9}
.tarjeta.amarillo{border-color:#f9a825;background:#fff8e1}
.tarjeta.rojo{border-color:#c62828;background:#ffebee}
.tarjeta .nombre{font-size:.85rem;color:#444}.tarjeta .valor{font-size:1.35rem;font-weight:600}
.tarjeta .meta,.tarjeta .detalle{font-size:.85rem;color:#444}
table{border-collapse:collapse;font-size:.9rem}th,td{padding:.3rem .55rem;text-align:left;
border-bottom:1px solid #e0e0e0;vertical-align:top}td.num{text-align:right;white-space:nowrap}
.leyenda span{display:inline-block;padding:0 .5rem;margin-right:.4rem}
svg text{font-family:inherit;font-size:12px}
@media print{h2{break-after:avoid}.tarjeta{break-inside:avoid}}
"""


def _color(semaforo: Semaforo | None) -> tuple[str, str, str]:
    return _COLORES[semaforo]


def _tarjeta(r: Resultado) -> str:
    clase, _, _ = _color(r.semaforo)
    detalle = formato.detalle(r)
    return (
        f'<div class="tarjeta {clase}" title="{escape(r.estado.etiqueta)}">'
        f'<div class="nombre">{escape(r.indicador.name)} · {escape(r.indicador.etiqueta)}</div>'
        f'<div class="valor">{escape(formato.valor(r))}</div>'
        f'<div class="meta">Meta: {escape(formato.meta(r))} · {escape(r.estado.etiqueta)}'
        f" · semáforo {escape(formato.etiqueta(r.semaforo).lower())}</div>"
        + (f'<div class="detalle">{escape(detalle)}</div>' if detalle else "")
        + "</div>"
    )


def _tarjetas(tablero: Tablero) -> str:
    return '<div class="tarjetas">' + "".join(_tarjeta(r) for r in tablero.resultados) + "</div>"


@formato.contexto_propio
def tablero_html(t: Tablero) -> str:
    """Un tablero como tabla HTML: una fila por indicador con valor, meta, estado, semáforo
    (coloreado, R25) y ventana. Sirve de ``_repr_html_`` de `Tablero`."""
    filas = []
    for r in t.resultados:
        _, fuerte, fondo = _color(r.semaforo)
        filas.append(
            "<tr>"
            f"<td>{escape(r.indicador.etiqueta)} ({escape(r.indicador.name)})</td>"
            f'<td class="num">{escape(formato.valor(r))}</td>'
            f'<td class="num">{escape(formato.meta(r))}</td>'
            f"<td>{escape(r.estado.etiqueta)}</td>"
            f'<td style="background:{fondo};color:{fuerte};font-weight:600">'
            f"{escape(formato.etiqueta(r.semaforo))}</td>"
            f"<td>{r.inicio.isoformat()} a {r.fin.isoformat()}</td>"
            "</tr>"
        )
    return (
        f"<table><caption>{escape(formato.titulo(t))}</caption>"
        "<thead><tr><th>Indicador</th><th>Valor</th><th>Meta</th><th>Estado</th>"
        "<th>Semáforo</th><th>Ventana</th></tr></thead>"
        f"<tbody>{''.join(filas)}</tbody></table>"
    )


def _matriz(tableros: Iterable[Tablero], leyenda: str) -> str:
    """Una tabla con un ámbito por fila y un indicador por columna, cada celda coloreada."""
    encabezado = "".join(
        f'<th title="{escape(i.etiqueta)}">{escape(i.name)}</th>' for i in Indicador
    )
    filas = []
    for t in tableros:
        celdas = []
        for r in t.resultados:
            _, fuerte, fondo = _color(r.semaforo)
            celdas.append(
                f'<td class="num" style="background:{fondo};border-left:3px solid {fuerte}" '
                f'title="{escape(r.estado.etiqueta)}">'
                f"{escape(formato.valor(r, terminos=False))}</td>"
            )
        filas.append(f"<tr><th>{escape(formato.titulo(t))}</th>{''.join(celdas)}</tr>")
    return (
        f"<table><caption>{escape(leyenda)}</caption>"
        f"<thead><tr><th>Ámbito</th>{encabezado}</tr></thead>"
        f"<tbody>{''.join(filas)}</tbody></table>"
    )


@formato.contexto_propio
def informe_html(inf: Informe) -> str:
    """El informe como una tabla HTML: la nación, los roles y las regionales con datos, un
    indicador por columna y cada celda coloreada por su semáforo (R25). Sirve de
    ``_repr_html_`` de `Informe`; los gestores están en ``inf.gestor(id)``."""
    tableros = [
        inf.nacional,
        *inf.roles.values(),
        *(t for t in inf.regionales.values() if formato.con_datos(t)),
    ]
    excluidos = sum(inf.resumen_excluidos().values())
    leyenda = (
        f"Informe {inf.periodo} ({inf.periodo.etiqueta()}), del {inf.periodo.inicio.isoformat()}"
        f" al {inf.periodo.fin.isoformat()}; registros excluidos: {excluidos}"
    )
    return _matriz(tableros, leyenda)


# --- Gráficos SVG ---

_ETIQUETA: Final = 170  # ancho de la columna de nombres
_BARRA: Final = 360  # ancho del área de barras
_TEXTO: Final = 210  # ancho de la columna de cifras
_FILA: Final = 26
_MARGEN: Final = 30


def _svg(titulo: str, filas: list[str], guias: list[str]) -> str:
    ancho = _ETIQUETA + _BARRA + _TEXTO
    alto = _MARGEN + _FILA * len(filas) + 10
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{ancho}" height="{alto}" '
        f'viewBox="0 0 {ancho} {alto}" role="img"><title>{escape(titulo)}</title>'
        + "".join(filas)
        + "".join(guias)
        + "</svg>"
    )


def _guia(fraccion: float, texto: str, alto_filas: int, trazo: str) -> str:
    """Una línea vertical en `fraccion` del área de barras, con su rótulo arriba."""
    x = _ETIQUETA + _BARRA * fraccion
    return (
        f'<line x1="{x:.1f}" y1="{_MARGEN - 6}" x2="{x:.1f}" y2="{_MARGEN + alto_filas}" '
        f'stroke="#424242" stroke-dasharray="{trazo}"/>'
        f'<text x="{x:.1f}" y="{_MARGEN - 10}" text-anchor="middle">{escape(texto)}</text>'
    )


def _barra(posicion: int, nombre: str, fraccion: float, color: str, cifra: str) -> str:
    y = _MARGEN + _FILA * posicion
    ancho = _BARRA * max(0.0, min(fraccion, 1.0))
    return (
        f'<text x="{_ETIQUETA - 8}" y="{y + 17}" text-anchor="end">{escape(nombre)}</text>'
        f'<rect x="{_ETIQUETA}" y="{y + 5}" width="{_BARRA}" height="16" fill="#eeeeee"/>'
        f'<rect x="{_ETIQUETA}" y="{y + 5}" width="{ancho:.1f}" height="16" fill="{color}">'
        f"<title>{escape(nombre)}: {escape(cifra)}</title></rect>"
        f'<text x="{_ETIQUETA + _BARRA + 8}" y="{y + 17}">{escape(cifra)}</text>'
    )


@formato.contexto_propio
def grafico_cv(inf: Informe) -> str:
    """Gráfico SVG del avance de cada regional con datos en contratos voluntarios frente a
    su meta de la vigencia (R19, R27). La barra llena es la meta; la línea punteada, lo
    esperado al corte (la meta prorrateada por los periodos transcurridos, R25)."""
    regionales = [t for t in inf.regionales.values() if formato.con_datos(t)]
    if not regionales:
        return "<p>Ninguna regional tiene datos en el periodo.</p>"
    # La escala llega hasta el mayor avance (al menos la meta, a lo sumo el doble).
    avances = [
        Decimal(t.cv.valor or 0) / t.cv.meta
        for t in regionales
        if isinstance(t.cv.meta, int) and t.cv.meta > 0
    ]
    tope = float(min(max([Decimal(1), *avances]), Decimal(2)))
    filas = []
    for posicion, t in enumerate(regionales):
        r = t.cv
        meta = r.meta if isinstance(r.meta, int) else 0
        valor = int(r.valor or 0)
        if meta > 0:
            avance = Decimal(valor) / meta
            cifra = (
                f"{formato.numero(valor)} de {formato.numero(meta)} ({formato.porcentaje(avance)})"
            )
            fraccion = float(avance) / tope
        else:
            cifra = f"{formato.numero(valor)} (meta 0)"
            fraccion = 0.0
        filas.append(_barra(posicion, t.nombre, fraccion, _color(r.semaforo)[1], cifra))
    alto = _FILA * len(regionales)
    esperado = inf.periodo.mes / 12
    guias = [
        _guia(1 / tope, "meta", alto, "none"),
        _guia(
            esperado / tope,
            f"esperado ({formato.porcentaje(Decimal(inf.periodo.mes) / 12)})",
            alto,
            "4 3",
        ),
    ]
    return _svg("Avance de contratos de aprendizaje voluntarios por regional", filas, guias)


@formato.contexto_propio
def grafico_ec(inf: Informe) -> str:
    """Gráfico SVG de la cobertura de empresas contactadas (EC) de cada regional con
    empresas asignadas en el trimestre, de 0 % a 100 %, con la meta marcada (R14)."""
    regionales = [t for t in inf.regionales.values() if t.ec.denominador]
    if not regionales:
        return "<p>Ninguna regional tiene empresas asignadas.</p>"
    filas = [
        _barra(
            posicion,
            t.nombre,
            float(t.ec.valor or 0),
            _color(t.ec.semaforo)[1],
            formato.valor(t.ec),
        )
        for posicion, t in enumerate(regionales)
    ]
    meta = inf.parametros.meta_ec
    alto = _FILA * len(regionales)
    guias = [_guia(float(meta), f"meta {formato.porcentaje(meta)}", alto, "none")]
    return _svg("Cobertura de empresas contactadas por regional", filas, guias)


# --- La página ---


@formato.contexto_propio
def pagina_html(inf: Informe) -> str:
    """El informe como una página HTML completa y autocontenida (ver el módulo)."""
    p = inf.periodo
    partes = [
        '<!DOCTYPE html>\n<html lang="es-CO">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Informe de la Circular 109 de 2012 — {escape(p.etiqueta())}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n",
        "<header><h1>Informe de la Circular 109 de 2012 — "
        f"{escape(p.etiqueta())} ({p})</h1>"
        f'<p class="sub">Del {escape(formato.fecha(p.inicio))} al '
        f"{escape(formato.fecha(p.fin))}, corte día {p.dia_corte}.</p>",
        _leyenda(inf),
        "</header>\n",
        f"<section><h2>{escape(formato.titulo(inf.nacional))}</h2>"
        f"{_tarjetas(inf.nacional)}</section>\n",
        "<section><h2>Roles</h2>",
    ]
    for t in inf.roles.values():
        partes.append(f"<h3>{escape(formato.titulo(t))}</h3>{_tarjetas(t)}")
    partes += [
        "</section>\n",
        "<section><h2>Contratos de aprendizaje voluntarios por regional (CV)</h2>",
        grafico_cv(inf),
        "</section>\n<section><h2>Empresas contactadas por regional (EC)</h2>",
        grafico_ec(inf),
        "</section>\n<section><h2>Regionales</h2>",
    ]
    sin_datos = 0
    for t in inf.regionales.values():
        if formato.con_datos(t):
            titulo = formato.titulo(t, inf.parametros)
            partes.append(f"<h3>{escape(titulo)}</h3>{_tarjetas(t)}")
        else:
            sin_datos += 1
    if sin_datos:
        partes.append(f"<p>Regionales sin datos en el periodo (no se muestran): {sin_datos}.</p>")
    partes.append("</section>\n<section><h2>Gestores</h2>")
    if inf.gestores:
        partes.append(_matriz(inf.gestores.values(), "Valor de cada indicador por gestor"))
    else:
        partes.append("<p>No hay gestores en los datos.</p>")
    partes.append("</section>\n<section><h2>Registros excluidos (R23)</h2>")
    resumen = {m: n for m, n in sorted(inf.resumen_excluidos().items()) if n}
    if resumen:
        partes.append(
            "<table><thead><tr><th>Motivo</th><th>Registros</th></tr></thead><tbody>"
            + "".join(
                f'<tr><td>{escape(m)}</td><td class="num">{formato.numero(n)}</td></tr>'
                for m, n in resumen.items()
            )
            + "</tbody></table>"
        )
    else:
        partes.append("<p>Ningún registro excluido.</p>")
    partes.append("</section>\n</body>\n</html>\n")
    return "".join(partes)


def _leyenda(inf: Informe) -> str:
    verde = formato.porcentaje(inf.parametros.umbral_verde)
    amarillo = formato.porcentaje(inf.parametros.umbral_amarillo)
    spans = []
    for semaforo, texto in (
        (Semaforo.VERDE, f"verde: avance ≥ {verde} de lo esperado"),
        (Semaforo.AMARILLO, f"amarillo: {amarillo} a {verde}"),
        (Semaforo.ROJO, f"rojo: menos de {amarillo}"),
        (None, "gris: sin semáforo (sin meta o sin datos)"),
    ):
        _, fuerte, fondo = _color(semaforo)
        estilo = f"background:{fondo};border-left:4px solid {fuerte}"
        spans.append(f'<span style="{estilo}">{texto}</span>')
    return (
        '<p class="leyenda">Semáforo (R25): '
        + "".join(spans)
        + " En los techos (EM) es verde hasta el techo y rojo por encima.</p>"
    )
