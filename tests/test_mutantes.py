# ruff: noqa: E501  (la tabla de mensajes exactos tiene líneas largas)
"""Pruebas que matan mutantes sobrevivientes de mutmut (ver docs/mutacion.md).

Cada prueba fija un detalle que las demás suites no miraban: el texto exacto de un error, un
borde de un rango, una clave del detalle de un resultado.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from sena_relacionamiento import (
    PARAMETROS_2012,
    REGIONALES,
    DatoInvalido,
    DatosSeguimiento,
    Destino,
    ErrorSena,
    Estado,
    Periodo,
    Regional,
    RegionalDesconocida,
    RegistroInconsistente,
    Relacionamiento,
    Rol,
    SegmentoRegional,
    Semaforo,
    SinDestino,
    Trimestre,
    enrutar_solicitud,
    informe,
    parsear_pesos,
    regional,
    relacionamiento,
    segmento_empresa,
    segmento_regional,
    tipo_empresa,
)
from sena_relacionamiento.indicadores.cv import voluntarios
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado, evaluar
from sena_relacionamiento.testing import (
    un_conjunto_de_datos,
    un_contacto,
    un_contrato,
    un_gestor,
    una_asignacion,
)

# segmentacion ----------------------------------------------------------------------------


@pytest.mark.parametrize("funcion", [segmento_regional, lambda r, **k: tipo_empresa(1, r, **k)])
def test_parametros_que_no_son_parametros(funcion: object) -> None:
    with pytest.raises(DatoInvalido) as error:
        funcion("Huila", parametros="2012")  # type: ignore[operator]
    assert str(error.value) == "parametros: se esperaba un Parametros (se recibió '2012')"


# regionales ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codigo", "nombre", "consulta"),
    [(5, "Antioquia", "5 'Antioquia'"), ("05", None, "'05' None"), (None, None, "None None")],
)
def test_regional_a_mano_con_tipos_equivocados(
    codigo: object, nombre: object, consulta: str
) -> None:
    with pytest.raises(RegionalDesconocida) as error:
        Regional(codigo, nombre)  # type: ignore[arg-type]
    assert error.value.consulta == consulta
    assert error.value.sugerencias == ()


def test_sugerencias_con_regional_delante() -> None:
    with pytest.raises(RegionalDesconocida) as sin_prefijo:
        regional("Boyara")
    with pytest.raises(RegionalDesconocida) as con_prefijo:
        regional("Regional Boyara")
    assert con_prefijo.value.sugerencias == sin_prefijo.value.sugerencias == ("Boyacá", "Bolívar")


def test_codigos_enteros_en_los_bordes() -> None:
    assert regional(99).nombre == "Vichada"
    for codigo in (0, 1, 100, -5):
        with pytest.raises(RegionalDesconocida):
            regional(codigo)


# resultado.evaluar -----------------------------------------------------------------------


def test_evaluar_sin_datos_y_sin_meta() -> None:
    assert evaluar(None, None, Decimal(1), horizonte_cerrado=True, avance=Fraction(1)) == (
        Estado.SIN_DATOS,
        None,
    )
    assert evaluar(3, 0, Decimal(1), horizonte_cerrado=True, avance=Fraction(1)) == (
        Estado.SIN_DATOS,
        None,
    )
    assert evaluar(3, None, None, horizonte_cerrado=True, avance=Fraction(1)) == (
        Estado.SIN_META,
        None,
    )


# ec y cv ---------------------------------------------------------------------------------


def test_ec_cuenta_por_tipo_y_medio_y_fuera_de_cartera() -> None:
    datos = DatosSeguimiento(
        gestores=[un_gestor()],
        asignaciones=[una_asignacion()],
        contactos=[
            un_contacto(),
            un_contacto(medio="telefónico", tipo="mantenimiento"),
            un_contacto(nit="800123456"),
        ],
    )
    ec = informe(datos, Periodo(2012, 3)).gestor("g1").ec
    assert ec.detalle["por_tipo_y_medio"] == {
        "NUEVO": {"TELEFONICO": 0, "VISITA": 1},
        "MANTENIMIENTO": {"TELEFONICO": 1, "VISITA": 0},
    }
    assert ec.detalle["fuera_de_cartera"] == 1
    assert ec.detalle["empresas_con_menos_de_3_contactos"] == ("900123456",)
    assert (ec.numerador, ec.denominador, ec.estado) == (1, 1, Estado.CUMPLE)
    assert ec.semaforo is Semaforo.VERDE


def test_cv_incremento_y_dentro_de_cuota() -> None:
    datos = DatosSeguimiento(
        gestores=[un_gestor()],
        asignaciones=[una_asignacion()],
        contratos=[
            un_contrato(obligada=True, cuota_regulada=1, fecha=date(2012, 2, 10)),
            un_contrato(obligada=True, cuota_regulada=1, fecha=date(2012, 2, 20)),
            un_contrato(obligada=True, cuota_regulada=1, fecha=date(2012, 3, 1)),
        ],
    )
    cv = informe(datos, Periodo(2012, 3)).gestor("g1").cv
    assert cv.valor == 2
    assert cv.detalle == {"incremento_mes": 1, "dentro_de_cuota": 1}


def test_voluntarios_de_una_empresa_no_obligada_con_cuota() -> None:
    assert voluntarios(5, False, 3) == 5
    assert voluntarios(5, True, 3) == 2


def test_cv_contrato_el_dia_del_corte_anterior_no_es_incremento() -> None:
    datos = DatosSeguimiento(
        gestores=[un_gestor()],
        asignaciones=[una_asignacion()],
        contratos=[un_contrato(fecha=date(2012, 2, 25)), un_contrato(fecha=date(2012, 2, 26))],
    )
    cv = informe(datos, Periodo(2012, 3)).gestor("g1").cv
    assert (cv.valor, cv.detalle["incremento_mes"]) == (2, 1)


def test_ec_fuera_de_cartera_el_primer_dia_del_trimestre() -> None:
    datos = DatosSeguimiento(
        gestores=[un_gestor()],
        asignaciones=[una_asignacion()],
        contactos=[
            un_contacto(nit="800123456", fecha=date(2012, 3, 26)),
            un_contacto(nit="800123456", fecha=date(2012, 3, 25)),
        ],
    )
    inf = informe(datos, Periodo(2012, 4))
    assert inf.gestor("g1").ec.detalle["fuera_de_cartera"] == 1
    assert [x.motivo for x in inf.excluidos] == ["fuera del trimestre y de la cartera del gestor"]


def test_detalle_que_no_es_mapeo() -> None:
    with pytest.raises(DatoInvalido) as error:
        Resultado(
            indicador=Indicador.AF,
            inicio=date(2012, 3, 1),
            fin=date(2012, 3, 25),
            valor=0,
            meta=None,
            numerador=0,
            denominador=None,
            estado=Estado.SIN_META,
            semaforo=None,
            detalle=5,  # type: ignore[arg-type]
        )
    assert str(error.value) == "detalle: se esperaba un mapeo (se recibió 5)"


# Textos exactos de los errores de las reglas -----------------------------------------------
# Cada mensaje dice el campo, qué se esperaba y qué se recibió: fijarlos mata los mutantes que
# cambian el texto, el campo o el valor del error.

_P = PARAMETROS_2012
_G = SegmentoRegional.GRANDE
_D = un_conjunto_de_datos()
_I = informe(_D, Periodo(2012, 3))
_TODAS = {r.codigo: 1 for r in REGIONALES}

ERRORES: list[tuple[str, Callable[[], object], type[ErrorSena], str]] = [
    (
        "informe_datos",
        lambda: informe(None, Periodo(2012, 3)),  # type: ignore[arg-type]
        DatoInvalido,
        "datos: se esperaba un DatosSeguimiento (se recibió None)",
    ),
    (
        "informe_periodo",
        lambda: informe(_D, "2012-03"),  # type: ignore[arg-type]
        DatoInvalido,
        "periodo: se esperaba un Periodo (se recibió '2012-03')",
    ),
    (
        "informe_parametros",
        lambda: informe(_D, Periodo(2012, 3), parametros={}),  # type: ignore[arg-type]
        DatoInvalido,
        "parametros: se esperaba un Parametros (se recibió {})",
    ),
    (
        "informe_corte",
        lambda: informe(_D, Periodo(2012, 3, dia_corte=20)),
        DatoInvalido,
        "periodo: el periodo corta el día 20 y los parámetros el día 25 (se recibió '2012-03')",
    ),
    (
        "informe_anio",
        lambda: informe(_D, Periodo(2013, 3)),
        DatoInvalido,
        "periodo: el periodo es de 2013 y los parámetros de la vigencia 2012: pida un periodo "
        "de 2012 o dé los parámetros de la vigencia 2013 (R30), en Python con "
        'parametros=cargar_parametros("vigencia-2013.toml") y en la línea de órdenes con '
        "--parametros vigencia-2013.toml; «sena-relacionamiento parametros --vigencia 2013» "
        "escribe un documento para completar (se recibió '2013-03')",
    ),
    (
        "gestor_desconocido",
        lambda: _I.gestor("nadie"),
        DatoInvalido,
        "gestor: no hay un gestor con ese id en los datos (se recibió 'nadie')",
    ),
    (
        "rol_desconocido",
        lambda: _I.rol("jefe"),
        DatoInvalido,
        "rol: no es un valor de Rol; se esperaba uno de: ESTRATEGICO, EMPRESARIAL (se recibió 'jefe')",
    ),
    (
        "periodo_anio",
        lambda: Periodo(1, 3),
        DatoInvalido,
        "anio: el año va de 2 a 9999 (se recibió 1)",
    ),
    (
        "periodo_mes",
        lambda: Periodo(2012, 13),
        DatoInvalido,
        "mes: el mes va de 1 a 12 (se recibió 13)",
    ),
    (
        "periodo_tipo",
        lambda: Periodo("2012", 1),  # type: ignore[arg-type]
        DatoInvalido,
        "anio: se esperaba un int (se recibió '2012')",
    ),
    (
        "periodo_corte",
        lambda: Periodo(2012, 3, dia_corte=29),
        DatoInvalido,
        "dia_corte: el día de corte va de 1 a 28 (se recibió 29)",
    ),
    (
        "trimestre_numero",
        lambda: Trimestre(2012, 5),
        DatoInvalido,
        "numero: el trimestre va de 1 a 4 (se recibió 5)",
    ),
    (
        "locale_tipo",
        lambda: Periodo(2012, 3).etiqueta(5),  # type: ignore[arg-type]
        DatoInvalido,
        "locale: se esperaba un locale de babel, por ejemplo es_CO (se recibió 5)",
    ),
    (
        "locale_desconocido",
        lambda: Periodo(2012, 3).etiqueta("xx_YY"),
        DatoInvalido,
        "locale: se esperaba un locale de babel, por ejemplo es_CO (se recibió 'xx_YY')",
    ),
    (
        "de_texto",
        lambda: Periodo.de("2012-03-01"),
        DatoInvalido,
        "fecha: se esperaba una date o un datetime (se recibió '2012-03-01')",
    ),
    (
        "de_corte",
        lambda: Periodo.de(date(2012, 3, 1), dia_corte=0),
        DatoInvalido,
        "dia_corte: el día de corte va de 1 a 28 (se recibió 0)",
    ),
    (
        "de_fuera",
        lambda: Periodo.de(date(1, 1, 1)),
        DatoInvalido,
        "fecha: la fecha cae fuera de los periodos de los años 2 a 9999 (se recibió datetime.date(1, 1, 1))",
    ),
    (
        "entrega",
        lambda: Periodo(2012, 3).fecha_entrega("si"),  # type: ignore[arg-type]
        DatoInvalido,
        "dias_habiles: se esperaba un bool (se recibió 'si')",
    ),
    (
        "techos_llaves",
        lambda: attrs.evolve(_P, techos_tipo_b={_G: 500_000_000}),
        DatoInvalido,
        "techos_tipo_b: la tabla debe nombrar todos los valores; faltan: MEDIANA, PEQUENA",
    ),
    (
        "reparto_llaves",
        lambda: attrs.evolve(_P, reparto_sismeg={Rol.ESTRATEGICO: Decimal(1)}),
        DatoInvalido,
        "reparto_sismeg: la tabla debe nombrar todos los valores; faltan: EMPRESARIAL",
    ),
    (
        "reparto_suma",
        lambda: attrs.evolve(
            _P, reparto_sismeg={Rol.ESTRATEGICO: Decimal("0.5"), Rol.EMPRESARIAL: Decimal("0.4")}
        ),
        DatoInvalido,
        "reparto_sismeg: el reparto debe sumar 1 (se recibió {<Rol.ESTRATEGICO: 'Estratégico'>: Decimal('0.5'), <Rol.EMPRESARIAL: 'Empresarial'>: Decimal('0.4')})",
    ),
    (
        "meta_ec_negativa",
        lambda: attrs.evolve(_P, meta_ec=Decimal(-1)),
        DatoInvalido,
        "meta_ec: no puede ser negativo (se recibió -1)",
    ),
    (
        "meta_ec_grande",
        lambda: attrs.evolve(_P, meta_ec=Decimal("1.5")),
        DatoInvalido,
        "meta_ec: una proporción va de 0 a 1 (0.90 es 90 %) (se recibió 1.5)",
    ),
    (
        "meta_ec_float",
        lambda: attrs.evolve(_P, meta_ec=0.9),  # type: ignore[arg-type]
        DatoInvalido,
        "meta_ec: se esperaba un int o un Decimal (se recibió 0.9)",
    ),
    (
        "meta_ep_negativa",
        lambda: attrs.evolve(_P, meta_ep=Decimal(-2)),
        DatoInvalido,
        "meta_ep: no puede ser negativo (se recibió -2)",
    ),
    (
        "vigencia_tipo",
        lambda: attrs.evolve(_P, vigencia="2012"),  # type: ignore[arg-type]
        DatoInvalido,
        "vigencia: la vigencia es un año (int) (se recibió '2012')",
    ),
    (
        "dia_corte",
        lambda: attrs.evolve(_P, dia_corte=29),
        DatoInvalido,
        "dia_corte: el día de corte va de 1 a 28 (se recibió 29)",
    ),
    (
        "piso",
        lambda: attrs.evolve(_P, piso_tipo_b=-1),
        DatoInvalido,
        "piso_tipo_b: no puede ser negativo (se recibió -1)",
    ),
    (
        "piso_mayor",
        lambda: attrs.evolve(_P, piso_tipo_b=600_000_000),
        DatoInvalido,
        "techos_tipo_b: el techo del tipo B de GRANDE no puede ser menor que piso_tipo_b (600000000) (se recibió 500000000)",
    ),
    (
        "contactos_float",
        lambda: attrs.evolve(_P, contactos_anuales=1.5),  # type: ignore[arg-type]
        DatoInvalido,
        "contactos_anuales: se esperaba un número entero (se recibió 1.5)",
    ),
    (
        "sismeg_negativo",
        lambda: attrs.evolve(_P, sismeg_formados=-1),
        DatoInvalido,
        "sismeg_formados: no puede ser negativo (se recibió -1)",
    ),
    (
        "segmentos_faltan",
        lambda: attrs.evolve(_P, segmentos={"Huila": _G}),
        DatoInvalido,
        "segmentos: la tabla debe tener las 33 regionales; faltan: Antioquia, Atlántico, Distrito Capital, Bolívar, Boyacá, Caldas, Caquetá, Cauca, Cesar, Córdoba, Cundinamarca, Chocó, Guajira, Magdalena, Meta, Nariño, Norte de Santander, Quindío, Risaralda, Santander, Sucre, Tolima, Valle, Arauca, Casanare, Putumayo, San Andrés, Amazonas, Guainía, Guaviare, Vaupés, Vichada",
    ),
    (
        "segmentos_tipo",
        lambda: attrs.evolve(_P, segmentos=5),
        DatoInvalido,
        "segmentos: se esperaba una tabla (un mapeo) (se recibió 5)",
    ),
    (
        "segmentos_valor",
        lambda: attrs.evolve(_P, segmentos={**{r.codigo: "x" for r in REGIONALES}}),
        DatoInvalido,
        "segmentos: se esperaba un SegmentoRegional (se recibió 'x')",
    ),
    (
        "inferidos",
        lambda: attrs.evolve(_P, segmentos_inferidos=5),
        DatoInvalido,
        "segmentos_inferidos: se esperaba una colección de regionales (se recibió 5)",
    ),
    (
        "inferidos_regional",
        lambda: attrs.evolve(_P, segmentos_inferidos={"Narnia"}),
        RegionalDesconocida,
        "regional: no es una regional del SENA; ¿quiso decir Nariño o Guainía? (se recibió 'Narnia')",
    ),
    (
        "metas_cv_negativa",
        lambda: attrs.evolve(_P, metas_cv={**_TODAS, "41": -1}),
        DatoInvalido,
        "metas_cv: no puede ser negativo (se recibió -1)",
    ),
    (
        "topes_em_float",
        lambda: attrs.evolve(_P, topes_em={**_TODAS, "41": 1.5}),
        DatoInvalido,
        "topes_em: se esperaba un número entero (se recibió 1.5)",
    ),
    (
        "umbrales",
        lambda: attrs.evolve(_P, umbral_amarillo=Decimal("0.95")),
        DatoInvalido,
        "umbral_amarillo: el umbral amarillo no puede superar al verde (0.90) (se recibió 0.95)",
    ),
    (
        "fuente",
        lambda: _P.fuente("nada"),
        DatoInvalido,
        "campo: Parametros no tiene ese campo (se recibió 'nada')",
    ),
    (
        "meta_sismeg",
        lambda: _P.meta_sismeg("jefe"),  # type: ignore[arg-type]
        DatoInvalido,
        "rol: no es un valor de Rol; se esperaba uno de: ESTRATEGICO, EMPRESARIAL (se recibió 'jefe')",
    ),
    (
        "segmento_empresa_nada",
        lambda: segmento_empresa(),
        DatoInvalido,
        "tipo: se esperaba el tipo de la empresa (A, B o NO_FOCALIZADA) o su gremio (NACIONAL o REGIONAL) (se recibió None)",
    ),
    (
        "segmento_empresa_gremio",
        lambda: segmento_empresa("A", gremio="local"),
        DatoInvalido,
        "gremio: no es un valor de Gremio; se esperaba uno de: NACIONAL, REGIONAL (se recibió 'local')",
    ),
    (
        "segmento_empresa_tipo",
        lambda: segmento_empresa("Z", gremio="nacional"),
        DatoInvalido,
        "tipo: no es un valor de TipoEmpresa; se esperaba uno de: A, B, NO_FOCALIZADA (se recibió 'Z')",
    ),
    (
        "admite",
        lambda: relacionamiento("PYMES").admite("nada"),
        DatoInvalido,
        "tema: no es un valor de Tema; se esperaba uno de: INNOVACION, COOPERACION_INTERNACIONAL, FORMACION_INTEGRAL, CERTIFICACION_COMPETENCIAS, EMPLEO_SNE, CONTRATO_APRENDIZAJE_VOLUNTARIO, EMPRENDIMIENTO_FORTALECIMIENTO, AMBIENTES_APRENDIZAJE, INCLUSION_SOCIAL, EMPRESAS_FORMADORAS (se recibió 'nada')",
    ),
    (
        "rel_temas",
        lambda: Relacionamiento(
            segmento="PYMES",
            alcance="por solicitud",
            temas="innovacion",
            canal="contact center",
            solo_por_solicitud=True,
        ),
        DatoInvalido,
        "temas: se esperaba una colección de temas (se recibió 'innovacion')",
    ),
    (
        "rel_temas_item",
        lambda: Relacionamiento(
            segmento="PYMES",
            alcance="por solicitud",
            temas=["nada"],
            canal="contact center",
            solo_por_solicitud=True,
        ),
        DatoInvalido,
        "temas[0]: no es un valor de Tema; se esperaba uno de: INNOVACION, COOPERACION_INTERNACIONAL, FORMACION_INTEGRAL, CERTIFICACION_COMPETENCIAS, EMPLEO_SNE, CONTRATO_APRENDIZAJE_VOLUNTARIO, EMPRENDIMIENTO_FORTALECIMIENTO, AMBIENTES_APRENDIZAJE, INCLUSION_SOCIAL, EMPRESAS_FORMADORAS (se recibió 'nada')",
    ),
    (
        "rel_temas_vacio",
        lambda: Relacionamiento(
            segmento="PYMES",
            alcance="por solicitud",
            temas=[],
            canal="contact center",
            solo_por_solicitud=True,
        ),
        DatoInvalido,
        "temas: un segmento debe tratar al menos un tema (se recibió ())",
    ),
    (
        "rel_temas_repetidos",
        lambda: Relacionamiento(
            segmento="PYMES",
            alcance="por solicitud",
            temas=["innovacion", "innovacion"],
            canal="contact center",
            solo_por_solicitud=True,
        ),
        DatoInvalido,
        "temas: un tema no puede repetirse; repetidos: INNOVACION",
    ),
    (
        "rel_temas_varios_repetidos",
        lambda: Relacionamiento(
            segmento="PYMES",
            alcance="por solicitud",
            temas=["innovacion", "empleo sne", "innovacion", "empleo sne"],
            canal="contact center",
            solo_por_solicitud=True,
        ),
        DatoInvalido,
        "temas: un tema no puede repetirse; repetidos: EMPLEO_SNE, INNOVACION",
    ),
    (
        "rel_alcance",
        lambda: Relacionamiento(
            segmento="PYMES",
            alcance="x",
            temas=["innovacion"],
            canal="contact center",
            solo_por_solicitud=True,
        ),
        DatoInvalido,
        "alcance: no es un valor de Alcance; se esperaba uno de: CONVENIO_MARCO_PLURIANUAL, PLAN_DERIVADO_ANUAL, POR_SOLICITUD (se recibió 'x')",
    ),
    (
        "rel_canal",
        lambda: Relacionamiento(
            segmento="PYMES",
            alcance="por solicitud",
            temas=["innovacion"],
            canal="x",
            solo_por_solicitud=True,
        ),
        DatoInvalido,
        "canal: no es un valor de Canal; se esperaba uno de: GESTORES_ESTRATEGICOS, GESTORES_REGIONALES, CONTACT_CENTER (se recibió 'x')",
    ),
    (
        "rel_booleano",
        lambda: Relacionamiento(
            segmento="PYMES",
            alcance="por solicitud",
            temas=["innovacion"],
            canal="contact center",
            solo_por_solicitud=1,
        ),
        DatoInvalido,
        "solo_por_solicitud: se esperaba True o False (se recibió 1)",
    ),
    (
        "enrutar_asignaciones",
        lambda: enrutar_solicitud(1, "Huila", asignaciones="x", disponibles=[]),  # type: ignore[arg-type]
        DatoInvalido,
        "asignaciones: se esperaba una colección de Asignacion (se recibió 'x')",
    ),
    (
        "enrutar_asignacion_item",
        lambda: enrutar_solicitud(1, "Huila", asignaciones=[1], disponibles=[]),  # type: ignore[list-item]
        DatoInvalido,
        "asignaciones[0]: se esperaba un Asignacion (se recibió 1)",
    ),
    (
        "enrutar_disponibles",
        lambda: enrutar_solicitud(1, "Huila", asignaciones=[], disponibles=[None]),  # type: ignore[list-item]
        DatoInvalido,
        "disponibles[0]: se esperaba un Gestor (se recibió None)",
    ),
    (
        "enrutar_regional",
        lambda: enrutar_solicitud(1, 1.5, asignaciones=[], disponibles=[]),  # type: ignore[arg-type]
        DatoInvalido,
        "regional: se esperaba una regional (se recibió 1.5)",
    ),
    (
        "enrutar_lider",
        lambda: enrutar_solicitud(
            1, "Huila", asignaciones=[], disponibles=[], lider_de_centro="  "
        ),
        DatoInvalido,
        "lider_de_centro: se esperaba un texto no vacío (se recibió '  ')",
    ),
    (
        "enrutar_ids",
        lambda: enrutar_solicitud(
            1, "Huila", asignaciones=[], disponibles=[un_gestor(), un_gestor(rol="estrategico")]
        ),
        RegistroInconsistente,
        "el id de gestor 'g1' aparece en disponibles con dos registros distintos; se esperaba un solo rol y una sola regional por gestor",
    ),
    (
        "enrutar_dos",
        lambda: enrutar_solicitud(
            900123456,
            "Huila",
            asignaciones=[una_asignacion(), una_asignacion(gestor="g2")],
            disponibles=[],
        ),
        RegistroInconsistente,
        "la empresa 900123456 está asignada a 2 gestores ('g1', 'g2'); se esperaba un solo gestor asignado por empresa",
    ),
    (
        "bandas_indicador_desconocido",
        lambda: attrs.evolve(
            PARAMETROS_2012, umbrales_por_indicador={"XX": (Decimal("0.9"), Decimal("0.7"))}
        ),
        DatoInvalido,
        "umbrales_por_indicador: no es un indicador con semáforo por bandas; se esperaba uno de: SISMEG_FORMADOS, SISMEG_EMPLEOS, EC, EP, EG, CV (se recibió 'XX')",
    ),
    (
        "bandas_clave_no_texto",
        lambda: attrs.evolve(PARAMETROS_2012, umbrales_por_indicador={5: (1, 1)}),
        DatoInvalido,
        "umbrales_por_indicador: no es un indicador con semáforo por bandas; se esperaba uno de: SISMEG_FORMADOS, SISMEG_EMPLEOS, EC, EP, EG, CV (se recibió 5)",
    ),
    (
        "bandas_texto",
        lambda: attrs.evolve(PARAMETROS_2012, umbrales_por_indicador={"EC": "ab"}),
        DatoInvalido,
        "umbrales_por_indicador: se esperaba un par (verde, amarillo) (se recibió 'ab')",
    ),
    (
        "bandas_numero",
        lambda: attrs.evolve(PARAMETROS_2012, umbrales_por_indicador={"EC": 5}),
        DatoInvalido,
        "umbrales_por_indicador: se esperaba un par (verde, amarillo) (se recibió 5)",
    ),
    (
        "bandas_uno",
        lambda: attrs.evolve(PARAMETROS_2012, umbrales_por_indicador={"EC": (1,)}),
        DatoInvalido,
        "umbrales_por_indicador: se esperaba un par (verde, amarillo) (se recibió (1,))",
    ),
    (
        "segmento_tipo",
        lambda: segmento_empresa(tipo="x"),
        DatoInvalido,
        "tipo: no es un valor de TipoEmpresa; se esperaba uno de: A, B, NO_FOCALIZADA (se recibió 'x')",
    ),
    (
        "sin_destino",
        lambda: enrutar_solicitud(1, "Huila", asignaciones=[], disponibles=[]),
        SinDestino,
        "la solicitud de la empresa 1 en la regional Huila no tiene destino: la empresa no está en la base asignada, no hay gestor empresarial disponible en esa regional y no se indicó Líder de Centro; se esperaba al menos uno de ellos (R7)",
    ),
    (
        "destino_tipo",
        lambda: Destino(tipo="x", id="a", motivo="b"),
        DatoInvalido,
        "tipo: no es un valor de TipoDestino; se esperaba uno de: GESTOR_ASIGNADO, GESTOR_EMPRESARIAL, LIDER_DE_CENTRO (se recibió 'x')",
    ),
    (
        "destino_id",
        lambda: Destino(tipo="lider de centro", id="", motivo="b"),
        DatoInvalido,
        "id: se esperaba un texto no vacío (se recibió '')",
    ),
    (
        "destino_motivo",
        lambda: Destino(tipo="lider de centro", id="a", motivo=5),
        DatoInvalido,
        "motivo: se esperaba un texto no vacío (se recibió 5)",
    ),
    (
        "parsear_vacio",
        lambda: parsear_pesos(""),
        DatoInvalido,
        "pesos: no hay ninguna cantidad escrita (se recibió '')",
    ),
    (
        "parsear_tipo",
        lambda: parsear_pesos(5),  # type: ignore[arg-type]
        DatoInvalido,
        "pesos: se esperaba texto (se recibió 5)",
    ),
    (
        "parsear_decimales",
        lambda: parsear_pesos("2.50"),
        DatoInvalido,
        "pesos: no es una cantidad de pesos escrita como en Colombia (miles con punto, centavos con coma); ¿quiso decir 250 o 2,5? (se recibió '2.50')",
    ),
    (
        "parsear_comas",
        lambda: parsear_pesos("1,2,3"),
        DatoInvalido,
        "pesos: no es una cantidad de pesos escrita como en Colombia (miles con punto, centavos con coma); ¿quiso decir 123? (se recibió '1,2,3')",
    ),
    (
        "parsear_negativo",
        lambda: parsear_pesos("-5"),
        DatoInvalido,
        "pesos: el dinero no puede ser negativo (se recibió '-5')",
    ),
    (
        "parsear_grupo",
        lambda: parsear_pesos("1.00.000"),
        DatoInvalido,
        "pesos: no es una cantidad de pesos escrita como en Colombia (miles con punto, centavos con coma); ¿quiso decir 100.000? (se recibió '1.00.000')",
    ),
    (
        "parsear_mixto",
        lambda: parsear_pesos("1,000.50"),
        DatoInvalido,
        "pesos: no es una cantidad de pesos escrita como en Colombia (miles con punto, centavos con coma); ¿quiso decir 1.000,50? (se recibió '1,000.50')",
    ),
    (
        "parsear_espacios",
        lambda: parsear_pesos("$ 1 000"),
        DatoInvalido,
        "pesos: no es una cantidad de pesos escrita como en Colombia (miles con punto, centavos con coma); ¿quiso decir 1.000? (se recibió '$ 1 000')",
    ),
]


@pytest.mark.parametrize(
    ("llamada", "clase", "mensaje"), [c[1:] for c in ERRORES], ids=[c[0] for c in ERRORES]
)
def test_texto_exacto_del_error(
    llamada: Callable[[], object], clase: type[ErrorSena], mensaje: str
) -> None:
    with pytest.raises(clase) as error:
        llamada()
    assert type(error.value) is clase
    assert str(error.value) == mensaje


# Fábricas que el módulo llama al importarse -------------------------------------------------
# mutmut activa un mutante después de importar el paquete: lo que se calcula al importar
# (validadores de attrs, metadatos, constantes) no ve el mutante. Estas pruebas llaman de nuevo
# a la fábrica y comparan con lo que el módulo usa.


def test_r16_r17_r20_r13_los_indicadores_razon_son_ec_ep_eg_y_em() -> None:
    from sena_relacionamiento.informe import RAZONES, _razones

    esperadas = frozenset({Indicador.EC, Indicador.EP, Indicador.EG, Indicador.EM})
    assert _razones() == RAZONES == esperadas


@pytest.mark.parametrize(
    ("valor", "mensaje"),
    [
        (0, "dia_corte: el día de corte va de 1 a 28 (se recibió 0)"),
        (29, "dia_corte: el día de corte va de 1 a 28 (se recibió 29)"),
        ("5", "dia_corte: se esperaba un int (se recibió '5')"),
    ],
)
def test_r8_validador_del_dia_de_corte(valor: object, mensaje: str) -> None:
    from sena_relacionamiento.periodos import _rango

    validar = _rango(1, 28, "el día de corte")
    atributo = attrs.fields(Periodo).dia_corte
    validar(None, atributo, 1)
    validar(None, atributo, 28)
    with pytest.raises(DatoInvalido) as error:
        validar(None, atributo, valor)
    assert str(error.value) == mensaje


def test_r30_validador_de_tabla_con_todas_las_llaves() -> None:
    from sena_relacionamiento.parametros import Parametros, _todas_las_llaves

    atributo = attrs.fields(Parametros).reparto_sismeg
    validar = _todas_las_llaves(Rol)
    validar(None, atributo, dict(PARAMETROS_2012.reparto_sismeg))  # type: ignore[arg-type]
    with pytest.raises(DatoInvalido) as error:
        validar(None, atributo, {})  # type: ignore[arg-type]
    assert str(error.value) == (
        "reparto_sismeg: la tabla debe nombrar todos los valores; faltan: ESTRATEGICO, EMPRESARIAL"
    )


def test_r30_cada_parametro_lleva_su_fuente() -> None:
    from sena_relacionamiento.parametros import Parametros, _fuente

    assert _fuente("§2c") == {"fuente": "§2c"}
    assert attrs.fields(Parametros).meta_eg.metadata == _fuente(
        "§2c: gestionar el 60 % de los requerimientos al mes"
    )


def test_r7_empresa_con_dos_gestores_lleva_el_registro_de_cada_uno_en_orden() -> None:
    a1, a2 = una_asignacion(gestor="g2"), una_asignacion()
    with pytest.raises(RegistroInconsistente) as error:
        enrutar_solicitud(900123456, "Huila", asignaciones=[a1, a2], disponibles=[])
    assert error.value.registros == (a2, a1)  # g1, g2: el orden de los gestores del mensaje


def test_r31_bandas_de_un_indicador_con_su_nombre_en_minusculas() -> None:
    par = (Decimal("0.8"), Decimal("0.5"))
    parametros = attrs.evolve(PARAMETROS_2012, umbrales_por_indicador={" ec ": par})
    assert dict(parametros.umbrales_por_indicador) == {"EC": par}


def test_r24_un_conteo_con_decimales_se_compara_exacto_con_la_meta() -> None:
    # 1,5 sin denominador frente a una meta de 2: no cumple y 1,5 ÷ 2 = 0,75 es amarillo (R25).
    assert evaluar(Decimal("1.5"), None, 2, horizonte_cerrado=True, avance=Fraction(1)) == (
        Estado.NO_CUMPLE,
        Semaforo.AMARILLO,
    )
