"""Pruebas de las vigencias como documentos TOML (R30) y de las bandas del semáforo por
indicador (R31): el documento de 2012 empaquetado, las inversas `a_toml`/`desde_toml`, la
validación con clave y línea, la plantilla de otro año y los datos de ejemplo un año después."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sena_relacionamiento import (
    PARAMETROS_2012,
    REGIONALES,
    DatoInvalido,
    DatosSeguimiento,
    Indicador,
    Parametros,
    Periodo,
    Rol,
    SegmentoRegional,
    Semaforo,
    cargar_parametros,
    informe,
)
from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo
from sena_relacionamiento.parametros import INDICADORES_CON_BANDAS, PLANTILLA
from sena_relacionamiento.vigencias import lineas_de_claves

DOCUMENTO_2012 = files("sena_relacionamiento") / "vigencias" / "2012.toml"
CORPUS = Path(__file__).parent / "corpus_parametros"


# ── El documento de 2012 ─────────────────────────────────────────────────────────────────


def test_r30_el_documento_empaquetado_es_parametros_2012() -> None:
    assert cargar_parametros(DOCUMENTO_2012) == PARAMETROS_2012
    assert Parametros.desde_toml(DOCUMENTO_2012.read_text(encoding="utf-8")) == PARAMETROS_2012


def test_r30_el_documento_empaquetado_es_a_toml_de_2012() -> None:
    """El archivo del paquete es la forma canónica: regenerarlo no cambia nada."""
    assert DOCUMENTO_2012.read_text(encoding="utf-8") == PARAMETROS_2012.a_toml()


def test_r30_el_documento_de_2012_ida_y_vuelta() -> None:
    texto = PARAMETROS_2012.a_toml()
    vuelta = Parametros.desde_toml(texto)
    assert vuelta == PARAMETROS_2012
    assert vuelta.fuentes == PARAMETROS_2012.fuentes
    assert vuelta.a_toml() == texto


def test_r30_cada_numero_con_su_fuente_y_cesar_inferido() -> None:
    crudo = tomllib.loads(PARAMETROS_2012.a_toml())
    campos = [a.name for a in attrs.fields(Parametros) if a.name != "fuentes"]
    assert list(crudo) == campos
    for campo in campos:
        assert set(crudo[campo]) == {"valor", "fuente"}
        assert crudo[campo]["fuente"] == PARAMETROS_2012.fuente(campo)
    assert crudo["segmentos_inferidos"]["valor"] == ["20"]
    assert crudo["segmentos"]["valor"]["20"] == "MEDIANA"
    linea_cesar = next(
        linea for linea in PARAMETROS_2012.a_toml().splitlines() if linea.startswith('"20" = "')
    )
    assert linea_cesar == '"20" = "MEDIANA"  # Cesar (inferido, R3)'


def test_r30_fuentes_de_2012_son_las_de_la_circular() -> None:
    assert PARAMETROS_2012.fuente("metas_cv").startswith("§2e")
    assert PARAMETROS_2012.fuente("umbrales_por_indicador").startswith("R31")
    assert PARAMETROS_2012.fuente("fuentes").startswith("R30")
    assert "fuentes" not in PARAMETROS_2012.fuentes


# ── La plantilla de otro año ─────────────────────────────────────────────────────────────


def test_r30_plantilla_copia_los_numeros_y_marca_cada_fuente() -> None:
    p = PARAMETROS_2012.plantilla(2013)
    marca = "plantilla: copia de la vigencia 2012; confirme cada cifra"
    assert PLANTILLA.format(vigencia=2012) == marca
    assert p.vigencia == 2013
    assert set(p.fuentes.values()) == {marca}
    assert set(p.fuentes) == set(PARAMETROS_2012.fuentes)
    assert attrs.evolve(p, vigencia=2012, fuentes=PARAMETROS_2012.fuentes) == PARAMETROS_2012
    texto = p.a_toml()
    assert "# PLANTILLA para la vigencia 2013" in texto
    assert texto.count(f'fuente = "{marca}"') == len(PARAMETROS_2012.fuentes)
    assert Parametros.desde_toml(texto) == p
    assert "PLANTILLA" not in PARAMETROS_2012.a_toml()


def _un_anio_despues(fecha: date) -> date:
    # El 29 de febrero de 2012 no tiene igual en 2013: el 28 es del mismo periodo (marzo, R8).
    if (fecha.month, fecha.day) == (2, 29):
        return date(fecha.year + 1, 2, 28)
    return fecha.replace(year=fecha.year + 1)


def _mover(registro: Any) -> Any:
    cambios = {
        a.name: _un_anio_despues(v)
        for a in attrs.fields(type(registro))
        if isinstance(v := getattr(registro, a.name), date)
    }
    return attrs.evolve(registro, **cambios) if cambios else registro


def _sin_fechas(filas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in f.items() if k not in ("inicio", "fin")} for f in filas]


def test_r30_datos_de_ejemplo_un_anio_despues_con_la_plantilla_dan_las_mismas_cifras(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sena_relacionamiento.cli import main

    assert main(["parametros", "--vigencia", "2013"]) == 0
    p2013 = Parametros.desde_toml(capsys.readouterr().out, origen="parametros --vigencia 2013")
    datos = datos_de_ejemplo()
    movidos = DatosSeguimiento(
        **{
            a.name: tuple(_mover(r) for r in getattr(datos, a.name))
            for a in attrs.fields(DatosSeguimiento)
            if a.init
        }
    )
    assert sum(1 for _ in movidos.registros()) == sum(1 for _ in datos.registros())
    for mes in range(1, 13):
        antes = informe(datos, Periodo(2012, mes))
        despues = informe(movidos, Periodo(2013, mes), parametros=p2013)
        assert _sin_fechas(despues.filas()) == _sin_fechas(antes.filas())
        assert len(despues.excluidos) == len(antes.excluidos)
        fechas = {(f["inicio"], f["fin"]) for f in despues.filas()}
        assert {(_un_anio_despues(i), _un_anio_despues(f)) for i, f in
                {(f["inicio"], f["fin"]) for f in antes.filas()}} == fechas  # fmt: skip


# ── R30: un periodo de otro año ──────────────────────────────────────────────────────────


def test_r30_periodo_de_otro_anio_dice_como_dar_sus_parametros() -> None:
    with pytest.raises(DatoInvalido) as error:
        informe(datos_de_ejemplo(), Periodo(2013, 3))
    mensaje = str(error.value)
    assert "el periodo es de 2013 y los parámetros de la vigencia 2012" in mensaje
    assert 'cargar_parametros("vigencia-2013.toml")' in mensaje
    assert "--parametros vigencia-2013.toml" in mensaje
    assert "sena-relacionamiento parametros --vigencia 2013" in mensaje


# ── R31: bandas por indicador ────────────────────────────────────────────────────────────


def test_r31_2012_usa_las_mismas_bandas_para_todos() -> None:
    assert PARAMETROS_2012.umbrales_por_indicador == {}
    for indicador in Indicador:
        assert PARAMETROS_2012.bandas(indicador) == (Decimal("0.90"), Decimal("0.70"))
    assert (
        tuple(i.name for i in Indicador if i not in (Indicador.AF, Indicador.EM, Indicador.PE))
        == INDICADORES_CON_BANDAS
    )


def test_r31_bandas_propias_de_un_indicador_solo_cambian_su_semaforo() -> None:
    estricto = attrs.evolve(
        PARAMETROS_2012,
        umbrales_por_indicador={Indicador.EC: (Decimal(1), Decimal(1))},
    )
    assert estricto.bandas("EC") == (Decimal(1), Decimal(1))
    assert estricto.bandas(Indicador.EP) == (Decimal("0.90"), Decimal("0.70"))
    datos = datos_de_ejemplo()
    antes = informe(datos, Periodo(2012, 2)).filas()
    despues = informe(datos, Periodo(2012, 2), parametros=estricto).filas()
    cambiadas = 0
    for a, d in zip(antes, despues, strict=True):
        if a["indicador"] != "EC":
            assert a == d
            continue
        assert {k: v for k, v in a.items() if k != "semaforo"} == {
            k: v for k, v in d.items() if k != "semaforo"
        }
        if d["semaforo"] is not None:
            # Con verde = amarillo = 100 %, solo hay verde (avance completo) o rojo.
            assert d["semaforo"] in (Semaforo.VERDE.name, Semaforo.ROJO.name)
        cambiadas += a["semaforo"] != d["semaforo"]
    assert cambiadas > 0


@pytest.mark.parametrize(
    ("bandas", "mensaje"),
    [
        ({"AF": (1, 0)}, "no es un indicador con semáforo por bandas"),
        ({"EM": (1, 0)}, "no es un indicador con semáforo por bandas"),
        ({3: (1, 0)}, "no es un indicador con semáforo por bandas"),
        ({"EC": "0.9"}, "se esperaba un par (verde, amarillo)"),
        ({"EC": (1, 0, 0)}, "se esperaba un par (verde, amarillo)"),
        ({"EC": (Decimal("0.8"), Decimal("0.9"))}, "EC: el umbral amarillo no puede superar"),
        ({"EC": (Decimal("1.5"), Decimal("0.9"))}, "una proporción va de 0 a 1"),
        ({"EC": (0.9, 0.7)}, "se esperaba un int o un Decimal"),
        ([], "se esperaba una tabla"),
    ],
)
def test_r31_bandas_invalidas(bandas: Any, mensaje: str) -> None:
    with pytest.raises(DatoInvalido, match=re.escape(mensaje)) as error:
        attrs.evolve(PARAMETROS_2012, umbrales_por_indicador=bandas)
    assert error.value.campo == "umbrales_por_indicador"


@pytest.mark.parametrize(
    ("fuentes", "mensaje"),
    [
        ({"nada": "x"}, "Parametros no tiene ese campo"),
        ({"fuentes": "x"}, "Parametros no tiene ese campo"),
        ({"meta_ec": "  "}, "la fuente de meta_ec debe ser un texto no vacío"),
        ({"meta_ec": 3}, "la fuente de meta_ec debe ser un texto no vacío"),
    ],
)
def test_r30_fuentes_invalidas(fuentes: Any, mensaje: str) -> None:
    with pytest.raises(DatoInvalido, match=re.escape(mensaje)):
        attrs.evolve(PARAMETROS_2012, fuentes=fuentes)


def test_r30_fuentes_dadas_en_parte_conservan_las_demas() -> None:
    p = attrs.evolve(PARAMETROS_2012, fuentes={"meta_ec": "Circular 2013, §2a"})
    assert p.fuente("meta_ec") == "Circular 2013, §2a"
    assert p.fuente("meta_eg") == PARAMETROS_2012.fuente("meta_eg")
    assert p != PARAMETROS_2012


# ── Ida y vuelta con valores generados ───────────────────────────────────────────────────


def _proporciones() -> st.SearchStrategy[Decimal]:
    return st.builds(
        lambda n, e: Decimal(n).scaleb(-e), st.integers(0, 10**6), st.integers(6, 8)
    ) | st.sampled_from(
        [Decimal(0), Decimal(1), Decimal("0.90"), Decimal("1.000"), Decimal("0E-5")]
    )


def _pesos() -> st.SearchStrategy[int]:
    return st.integers(0, 10**12)


_TEXTO = st.text(min_size=1).filter(lambda t: t.strip())


@st.composite
def parametros_evolucionados(dibujar: st.DrawFn) -> Parametros:
    codigos = [r.codigo for r in REGIONALES]
    piso = dibujar(_pesos())
    techos = {s: piso + dibujar(_pesos()) for s in SegmentoRegional}
    parte = dibujar(st.integers(0, 100)) / Decimal(100)
    verde = dibujar(_proporciones())
    amarillo = verde * dibujar(_proporciones())
    bandas = {}
    for indicador in dibujar(st.lists(st.sampled_from(INDICADORES_CON_BANDAS), unique=True)):
        v = dibujar(_proporciones())
        bandas[indicador] = (v, min(v, dibujar(_proporciones())))
    campos = [a.name for a in attrs.fields(Parametros) if a.name != "fuentes"]
    fuentes = dibujar(st.dictionaries(st.sampled_from(campos), _TEXTO))
    return attrs.evolve(
        PARAMETROS_2012,
        vigencia=dibujar(st.integers(1, 9999)),
        dia_corte=dibujar(st.integers(1, 28)),
        segmentos={c: dibujar(st.sampled_from(SegmentoRegional)) for c in codigos},
        segmentos_inferidos=dibujar(st.sets(st.sampled_from(codigos))),
        piso_tipo_b=piso,
        techos_tipo_b=techos,
        meta_ec=dibujar(_proporciones()),
        contactos_anuales=dibujar(st.integers(0, 10**6)),
        meta_ep=dibujar(_proporciones()) * dibujar(st.integers(0, 100)),
        meta_eg=dibujar(_proporciones()),
        tope_em=dibujar(_proporciones()),
        sismeg_formados=dibujar(st.integers(0, 10**9)),
        sismeg_empleos=dibujar(st.integers(0, 10**9)),
        reparto_sismeg={Rol.ESTRATEGICO: parte, Rol.EMPRESARIAL: 1 - parte},
        metas_cv={c: dibujar(st.integers(0, 10**7)) for c in codigos},
        topes_em={c: dibujar(st.integers(0, 10**7)) for c in codigos},
        umbral_verde=verde,
        umbral_amarillo=amarillo,
        umbrales_por_indicador=bandas,
        fuentes=fuentes,
    )


@settings(max_examples=60, deadline=None)
@given(p=parametros_evolucionados())
def test_r30_ida_y_vuelta_de_parametros_evolucionados(p: Parametros) -> None:
    texto = p.a_toml()
    vuelta = Parametros.desde_toml(texto)
    assert vuelta == p
    assert vuelta.fuentes == p.fuentes
    assert vuelta.a_toml() == texto


@settings(max_examples=30, deadline=None)
@given(p=parametros_evolucionados())
def test_r30_cada_clave_del_documento_tiene_su_linea(p: Parametros) -> None:
    texto = p.a_toml()
    lineas = texto.split("\n")  # TOML no corta en U+0085 ni U+2028
    posiciones = lineas_de_claves(texto)

    def hojas(valor: Any, ruta: tuple[str, ...]) -> list[tuple[str, ...]]:
        if isinstance(valor, dict):
            return [h for k, v in valor.items() for h in hojas(v, (*ruta, k))] or [ruta]
        return [ruta]

    for ruta in hojas(tomllib.loads(texto), ()):
        linea = lineas[posiciones[ruta] - 1]
        ultima = ruta[-1]
        assert (
            linea.startswith((f"{ultima} =", f'"{ultima}" =', f"[{'.'.join(ruta)}]"))
            or f"{ultima} = " in linea
        ), (ruta, linea)


# ── Líneas de las claves en un TOML cualquiera ───────────────────────────────────────────

ENREDADO = '''# [comentario] = "con = y [corchetes]"
titulo = "a # no es comentario" # sí lo es
'clave literal' = 'x'
"con \\" comilla".y = 1
a.b . c = 2
multi = """
[no_es_tabla]
x = 1 \\"""
"""
lit = \'\'\'
otra = 1\'\'\'
arreglo = [
  1, # uno
  [2, 3],
  { p = 1 },
]
en_linea = { u = 1, v = { w = [1, 2] } }
fecha = 1979-05-27 07:32:00Z
[[lista]]
k = 1
[ tabla . "sub tabla" ]
z = "fin"
vacia = ""
comillas = """dice ""hola"" """""
despues = 1
'''


def test_lineas_de_claves_en_un_toml_enredado() -> None:
    assert tomllib.loads(ENREDADO)  # es TOML válido
    lineas = lineas_de_claves(ENREDADO)
    assert lineas[("titulo",)] == 2
    assert lineas[("clave literal",)] == 3
    assert lineas[('con " comilla', "y")] == 4
    assert lineas[("a", "b", "c")] == 5
    assert lineas[("multi",)] == 6
    assert ("no_es_tabla",) not in lineas
    assert ("x",) not in lineas
    assert lineas[("lit",)] == 10
    assert ("otra",) not in lineas
    assert lineas[("arreglo",)] == 12
    assert ("p",) not in lineas
    assert lineas[("en_linea", "v", "w")] == 17
    assert lineas[("fecha",)] == 18
    assert lineas[("lista", "k")] == 20
    assert lineas[("tabla", "sub tabla")] == 21
    assert lineas[("tabla", "sub tabla", "z")] == 22
    assert lineas[("tabla", "sub tabla", "vacia")] == 23
    assert lineas[("tabla", "sub tabla", "despues")] == 25


@pytest.mark.parametrize(
    ("texto", "lineas"),
    [
        ("a = [}", {("a",): 1}),  # un arreglo que no avanza
        ("a = {\n", {("a",): 1}),  # una tabla en línea sin clave
        ('b = 1\na = "sin cerrar', {("b",): 1, ("a",): 2}),
        ('a = """sin cerrar', {("a",): 1}),
        ("a = [1,", {("a",): 1}),
        ("a = { x = 1", {("a",): 1, ("a", "x"): 1}),
        ("a. = 1", {("a",): 1, ("a", ""): 1}),
    ],
)
def test_lineas_de_claves_con_texto_que_no_es_toml(texto: str, lineas: dict[Any, int]) -> None:
    assert lineas_de_claves(texto) == lineas


@settings(max_examples=300, deadline=None)
@given(
    texto=st.text(alphabet=st.sampled_from(list("[]{}=\"'#,.\n\\ ab1")), max_size=40)
    | st.text(max_size=40)
)
def test_lineas_de_claves_no_falla_ni_se_cuelga_con_cualquier_texto(texto: str) -> None:
    lineas = lineas_de_claves(texto)
    assert all(1 <= n <= texto.count("\n") + 1 for n in lineas.values())


# ── Errores al leer: clave y línea ───────────────────────────────────────────────────────


def _con(reemplazos: list[tuple[str, str]], texto: str | None = None) -> str:
    texto = PARAMETROS_2012.a_toml() if texto is None else texto
    for viejo, nuevo in reemplazos:
        assert viejo in texto, viejo
        texto = texto.replace(viejo, nuevo, 1)
    return texto


def _linea_de(texto: str, fragmento: str) -> int:
    return texto[: texto.index(fragmento)].count("\n") + 1


_EC = "# EC = { verde = 0.95, amarillo = 0.80 }"

# caso: (reemplazos en el documento de 2012, clave, parte del mensaje, texto de la línea señalada)
CASOS_DE_ERROR: dict[str, tuple[list[tuple[str, str]], str, str, str]] = {
    "clave_desconocida": (
        [("[vigencia]", "[vigencias]")], "vigencias", "clave desconocida", "[vigencias]"
    ),
    "clave_interna_desconocida": (
        [("valor = 25\n", "valor = 25\nnota = 1\n")], "dia_corte.nota", "clave desconocida",
        "nota = 1",
    ),
    "falta_valor": (
        [("valor = 3\n", "")], "contactos_anuales.valor", "falta la clave «valor»",
        "[contactos_anuales]",
    ),
    "falta_fuente": (
        [('fuente = "§2a: mínimo 3 contactos al año por empresa"\n', "")],
        "contactos_anuales.fuente", "falta la clave «fuente»", "[contactos_anuales]",
    ),
    "fuente_vacia": (
        [('fuente = "§2a: mínimo 3', 'fuente = " "\n#')], "contactos_anuales.fuente",
        "texto no vacío", 'fuente = " "',
    ),
    "tabla_que_no_es_tabla": (
        [('[meta_ep]\nvalor = 2\nfuente = "§2b: dos (2) servicios por empresa, trimestral"\n', ""),
         ("[vigencia]", "meta_ep = 2\n[vigencia]")],
        "meta_ep", "se esperaba la tabla [meta_ep]", "meta_ep = 2",
    ),
    "valor_que_no_es_tabla": (
        [("[reparto_sismeg.valor]\nESTRATEGICO = 0.60\nEMPRESARIAL = 0.40\n", ""),
         ("[reparto_sismeg]\n", "[reparto_sismeg]\nvalor = 7\n")],
        "reparto_sismeg.valor", "se esperaba una tabla", "valor = 7",
    ),
    "tipo_entero": (
        [("valor = 25", 'valor = "25"')], "dia_corte.valor", "se esperaba un número entero",
        'valor = "25"',
    ),
    "tipo_decimal": (
        [("valor = 0.90", "valor = true")], "meta_ec.valor", "se esperaba un número",
        "valor = true",
    ),
    "no_finito": (
        [("valor = 0.60", "valor = nan")], "meta_eg.valor", "se esperaba un número finito",
        "valor = nan",
    ),
    "negativo": (
        [('"05" = 2500', '"05" = -2500')], 'metas_cv.valor."05"', "no puede ser negativo",
        '"05" = -2500',
    ),
    "negativo_pesos": (
        [("valor = 100_000_000", "valor = -1")], "piso_tipo_b.valor", "no puede ser negativo",
        "valor = -1",
    ),
    "faltan_regionales": (
        [('"20" = 70  # Cesar\n', "")], "metas_cv.valor", "faltan: Cesar", "[metas_cv.valor]"
    ),
    "regional_repetida": (
        [('"20" = 70  # Cesar\n', '"20" = 70\nCesar = 70\n')], "metas_cv.valor.Cesar",
        "aparece dos veces", "Cesar = 70",
    ),
    "regional_desconocida": (
        [('"20" = 70  # Cesar\n', '"20" = 70\nBoyara = 5\n')], "metas_cv.valor.Boyara",
        "¿quiso decir Boyacá", "Boyara = 5",
    ),
    "segmento_desconocido": (
        [('"20" = "MEDIANA"', '"20" = "MEDIA"')], 'segmentos.valor."20"',
        "no es un valor de SegmentoRegional", '"20" = "MEDIA"',
    ),
    "inferidos_no_lista": (
        [('valor = ["20"]', 'valor = "20"')], "segmentos_inferidos.valor",
        "se esperaba una lista", 'valor = "20"',
    ),
    "inferido_desconocido": (
        [('valor = ["20"]', 'valor = ["Cezar"]')], "segmentos_inferidos.valor",
        "no es una regional", 'valor = ["Cezar"]',
    ),
    "inferido_de_otro_tipo": (
        [('valor = ["20"]', "valor = [1.5]")], "segmentos_inferidos.valor",
        "se esperaba un código o un nombre", "valor = [1.5]",
    ),
    "techo_desconocido": (
        [("PEQUENA = 300_000_000", "CHICA = 300_000_000")], "techos_tipo_b.valor.CHICA",
        "clave desconocida", "CHICA",
    ),
    "techo_faltante": (
        [("PEQUENA = 300_000_000\n", "")], "techos_tipo_b.valor", "faltan las claves: PEQUENA",
        "[techos_tipo_b.valor]",
    ),
    "techo_bajo_el_piso": (
        [("GRANDE = 500_000_000", "GRANDE = 5")], "techos_tipo_b.valor",
        "no puede ser menor que piso_tipo_b", "[techos_tipo_b.valor]",
    ),
    "reparto_no_suma_1": (
        [("EMPRESARIAL = 0.40", "EMPRESARIAL = 0.50")], "reparto_sismeg.valor",
        "el reparto debe sumar 1", "[reparto_sismeg.valor]",
    ),
    "dia_corte_31": (
        [("valor = 25", "valor = 31")], "dia_corte.valor", "el día de corte va de 1 a 28",
        "valor = 31",
    ),
    "proporcion_mayor_que_1": (
        [("valor = 0.06", "valor = 6")], "tope_em.valor", "una proporción va de 0 a 1",
        "valor = 6",
    ),
    "bandas_fuera_de_orden": (
        [("[umbral_amarillo]\nvalor = 0.70", "[umbral_amarillo]\nvalor = 0.95")],
        "umbral_amarillo.valor", "no puede superar al verde", "valor = 0.95",
    ),
    "bandas_de_indicador_fuera_de_orden": (
        [(_EC, "EC = { verde = 0.80, amarillo = 0.95 }")],
        "umbrales_por_indicador.valor.EC.amarillo", "bandas fuera de orden", "EC = {",
    ),
    "bandas_de_indicador_sin_bandas": (
        [(_EC, "EM = { verde = 0.95, amarillo = 0.80 }")], "umbrales_por_indicador.valor.EM",
        "no es un indicador con semáforo por bandas", "EM = {",
    ),
    "bandas_de_indicador_incompletas": (
        [(_EC, "EC = { verde = 0.95 }")], "umbrales_por_indicador.valor.EC",
        "se esperaba { verde", "EC = {",
    ),
    "bandas_de_indicador_mayores_que_1": (
        [(_EC, "EC = { verde = 1.5, amarillo = 0.80 }")],
        "umbrales_por_indicador.valor.EC.verde", "un umbral va de 0 a 1", "EC = {",
    ),
    "vigencia_0": (
        [("valor = 2012", "valor = 0")], "vigencia.valor", "la vigencia es un año", "valor = 0"
    ),
}  # fmt: skip


@pytest.mark.parametrize("caso", sorted(CASOS_DE_ERROR))
def test_r30_cada_error_nombra_la_clave_y_la_linea(caso: str) -> None:
    reemplazos, clave, mensaje, donde = CASOS_DE_ERROR[caso]
    texto = _con(reemplazos)
    with pytest.raises(DatoInvalido) as error:
        Parametros.desde_toml(texto, origen="v.toml")
    assert str(error.value).startswith(f"v.toml, línea {_linea_de(texto, donde)}: {clave}: ")
    assert mensaje in str(error.value)


def test_r30_falta_una_tabla_entera_senala_el_fin_del_documento() -> None:
    texto = PARAMETROS_2012.a_toml()
    inicio = texto.index("[umbrales_por_indicador]")
    with pytest.raises(DatoInvalido) as error:
        Parametros.desde_toml(texto[:inicio], origen="v.toml")
    ultima = texto[:inicio].rstrip("\n").count("\n") + 1
    assert str(error.value).startswith(
        f"v.toml, línea {ultima} (fin del documento): umbrales_por_indicador: falta la clave"
    )


@pytest.mark.parametrize(
    ("texto", "inicio"),
    [
        (
            "[vigencia]\nvalor = = 2\n",
            "<texto>, línea 2, columna 9: no es un documento TOML válido",
        ),
        ("a = 1\nb = ", "<texto>, línea 2 (fin del documento): no es un documento TOML válido"),
        ("", "<texto>, línea 1 (fin del documento): vigencia: falta la clave [vigencia]"),
    ],
)
def test_r30_toml_mal_escrito(texto: str, inicio: str) -> None:
    with pytest.raises(DatoInvalido) as error:
        Parametros.desde_toml(texto)
    assert str(error.value).startswith(inicio)
    assert "tomllib dice" in str(error.value) or "falta" in str(error.value)


def test_r30_desde_toml_con_algo_que_no_es_texto() -> None:
    with pytest.raises(DatoInvalido, match="se esperaba el texto de un documento TOML"):
        Parametros.desde_toml(b"[vigencia]")  # type: ignore[arg-type]


def test_r30_la_primera_regional_desconocida_por_codigo() -> None:
    texto = _con([('"20" = 70  # Cesar\n', '"20" = 70\n"00" = 1\n')])
    with pytest.raises(DatoInvalido, match=r'metas_cv\.valor\."00": no es una regional'):
        Parametros.desde_toml(texto)


def test_r30_claves_por_nombre_y_con_etiqueta() -> None:
    """Las tablas por regional aceptan nombres; los segmentos, su etiqueta."""
    texto = _con(
        [
            ('"11" = 5500  # Distrito Capital', '"Bogotá D.C." = 5500'),
            ('"94" = "PEQUENA"', '"94" = "Pequeña"'),
        ]
    )
    assert Parametros.desde_toml(texto) == PARAMETROS_2012


# ── cargar_parametros: archivos ──────────────────────────────────────────────────────────


def test_cargar_parametros_de_un_archivo_con_bom(tmp_path: Path) -> None:
    archivo = tmp_path / "vigencia-2013.toml"
    archivo.write_bytes(b"\xef\xbb\xbf" + PARAMETROS_2012.plantilla(2013).a_toml().encode())
    assert cargar_parametros(archivo) == PARAMETROS_2012.plantilla(2013)
    assert cargar_parametros(str(archivo)).vigencia == 2013


def test_cargar_parametros_nombra_el_archivo_en_los_errores(tmp_path: Path) -> None:
    archivo = tmp_path / "v.toml"
    archivo.write_text(_con([('"05" = 2500', '"05" = -1')]), encoding="utf-8")
    with pytest.raises(DatoInvalido) as error:
        cargar_parametros(archivo)
    linea = _linea_de(archivo.read_text(encoding="utf-8"), '"05" = -1')
    assert str(error.value).startswith(f'{archivo}, línea {linea}: metas_cv.valor."05": ')


def test_cargar_parametros_que_no_esta_en_utf8(tmp_path: Path) -> None:
    archivo = tmp_path / "v.toml"
    archivo.write_bytes('[vigencia]\nvalor = 2012\nfuente = "año"\n'.encode("cp1252"))
    with pytest.raises(
        DatoInvalido, match=r"línea 3: el documento de parámetros debe estar en UTF-8"
    ):
        cargar_parametros(archivo)


@pytest.mark.parametrize("ruta", ["no-existe.toml", "", "a\0b", 3])
def test_cargar_parametros_que_no_se_puede_leer(tmp_path: Path, ruta: Any) -> None:
    if isinstance(ruta, str) and ruta:
        ruta = tmp_path / ruta if "\0" not in ruta else ruta
    with pytest.raises(DatoInvalido, match=r"no se pudo leer|se esperaba la ruta"):
        cargar_parametros(ruta)


def test_cargar_parametros_de_una_carpeta(tmp_path: Path) -> None:
    with pytest.raises(DatoInvalido, match="no se pudo leer el archivo de parámetros"):
        cargar_parametros(tmp_path)


# ── El corpus de archivos rotos ──────────────────────────────────────────────────────────

CASOS_CORPUS = sorted(p.stem for p in CORPUS.glob("*.toml"))


def test_el_corpus_tiene_cada_tipo_de_error() -> None:
    assert len(CASOS_CORPUS) >= 8


@pytest.mark.parametrize("caso", CASOS_CORPUS)
def test_corpus_da_el_error_esperado(caso: str) -> None:
    archivo = CORPUS / f"{caso}.toml"
    with pytest.raises(DatoInvalido) as error:
        cargar_parametros(archivo)
    for parte in (CORPUS / f"{caso}.esperado").read_text(encoding="utf-8").splitlines():
        assert parte in str(error.value)


def test_la_pagina_vigencias_muestra_el_documento_de_2012() -> None:
    pagina = (Path(__file__).parent.parent / "docs" / "vigencias.md").read_text(encoding="utf-8")
    copia = pagina.split("```toml\n")[-1].split("```")[0]
    assert copia == DOCUMENTO_2012.read_text(encoding="utf-8")


def test_cargar_parametros_se_importa_al_pedirlo() -> None:
    """`cargar_parametros` lee archivos: importar el paquete no carga el borde `io`."""
    import subprocess
    import sys

    codigo = (
        "import sys, sena_relacionamiento as s\n"
        "antes = 'sena_relacionamiento.io' in sys.modules\n"
        "from sena_relacionamiento import cargar_parametros\n"
        "print(antes, cargar_parametros is s.io.cargar_parametros)\n"
    )
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True)
    assert salida.stdout.split() == ["False", "True"]
    import sena_relacionamiento

    with pytest.raises(AttributeError, match="no_existe"):
        sena_relacionamiento.no_existe  # noqa: B018


def test_r30_un_origen_que_no_es_texto_es_dato_invalido() -> None:
    # Antes se formateaba dentro del mensaje y escapaba el error de ese formato (fuzzing).
    with pytest.raises(DatoInvalido, match="origen") as info:
        Parametros.desde_toml("", origen=12)  # type: ignore[arg-type]
    assert info.value.campo == "origen"
