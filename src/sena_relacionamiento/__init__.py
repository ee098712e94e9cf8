"""sena_relacionamiento: la Circular 109 de 2012 del SENA convertida en código.

Segmentación de regionales y empresas, relacionamiento, periodos de corte del día 25 e
indicadores de gestores empresariales y estratégicos, consolidados de cada gestor a la
regional y a la nación. Ver ``REGLAS`` (R1…R29) en la documentación.

>>> from sena_relacionamiento import regional, tipo_empresa
>>> tipo_empresa(250_000_000, regional("Huila")).etiqueta
'Tipo B'
"""

from importlib.metadata import PackageNotFoundError as _SinMetadatos
from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

from sena_relacionamiento.acceso import (
    POLITICA_ACCESO,
    Accion,
    CarpetaCompartida,
    Permiso,
    RolUsuario,
    Usuario,
    exigir,
    puede,
)
from sena_relacionamiento.datos import DatosSeguimiento, Exclusion, Motivo
from sena_relacionamiento.dinero import Pesos, parsear_pesos, validar_pesos
from sena_relacionamiento.enrutamiento import Destino, TipoDestino, enrutar_solicitud
from sena_relacionamiento.enumeraciones import EnumSena, Rol, SegmentoRegional, TipoEmpresa
from sena_relacionamiento.errores import (
    AccesoDenegado,
    DatoInvalido,
    DependenciaFaltante,
    ErrorSena,
    RegionalDesconocida,
    RegistroInconsistente,
    SinDestino,
)
from sena_relacionamiento.fechas import BOGOTA, fecha_bogota
from sena_relacionamiento.indicadores import Estado, Indicador, Resultado, Semaforo
from sena_relacionamiento.indicadores._base import TipoAmbito
from sena_relacionamiento.informe import Informe, Tablero, informe
from sena_relacionamiento.parametros import PARAMETROS_2012, Parametros
from sena_relacionamiento.periodos import Periodo, Trimestre, Vigencia
from sena_relacionamiento.regionales import REGIONALES, ConsultaRegional, Regional, regional
from sena_relacionamiento.registros import (
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    EmpresaCuota,
    Evento,
    Gestor,
    LogroSismeg,
    MedioContacto,
    Registro,
    ServicioUsado,
    Solicitud,
    TipoContacto,
    normalizar_nit,
)
from sena_relacionamiento.relacionamiento import (
    MATRIZ_RELACIONAMIENTO,
    Alcance,
    Canal,
    Gremio,
    Relacionamiento,
    SegmentoEmpresa,
    Tema,
    relacionamiento,
    segmento_empresa,
)
from sena_relacionamiento.segmentacion import segmento_regional, tipo_empresa
from sena_relacionamiento.serie import Serie, serie

if TYPE_CHECKING:
    from sena_relacionamiento.io.parametros import cargar_parametros

# La versión está en un solo lugar, pyproject.toml; aquí se lee de los metadatos instalados.
try:
    __version__: str = _version("sena-relacionamiento")
except _SinMetadatos:  # pragma: no cover - solo si se usa sin instalar (PYTHONPATH=src)
    __version__ = "0+desconocida"


def __getattr__(nombre: str) -> Any:
    # `cargar_parametros` lee un archivo: vive en el borde (io) y se importa al pedirlo, para
    # que importar el paquete no cargue los lectores y escritores.
    if nombre == "cargar_parametros":
        from sena_relacionamiento.io.parametros import cargar_parametros

        return cargar_parametros
    raise AttributeError(f"module {__name__!r} has no attribute {nombre!r}")


__all__ = [
    "BOGOTA",
    "MATRIZ_RELACIONAMIENTO",
    "PARAMETROS_2012",
    "POLITICA_ACCESO",
    "REGIONALES",
    "AccesoDenegado",
    "Accion",
    "Alcance",
    "Ambiente",
    "Asignacion",
    "Canal",
    "CarpetaCompartida",
    "ConsultaRegional",
    "Contacto",
    "ContratoAprendizaje",
    "DatoInvalido",
    "DatosSeguimiento",
    "DependenciaFaltante",
    "Destino",
    "EmpresaCuota",
    "EnumSena",
    "ErrorSena",
    "Estado",
    "Evento",
    "Exclusion",
    "Gestor",
    "Gremio",
    "Indicador",
    "Informe",
    "LogroSismeg",
    "MedioContacto",
    "Motivo",
    "Parametros",
    "Periodo",
    "Permiso",
    "Pesos",
    "Regional",
    "RegionalDesconocida",
    "Registro",
    "RegistroInconsistente",
    "Relacionamiento",
    "Resultado",
    "Rol",
    "RolUsuario",
    "SegmentoEmpresa",
    "SegmentoRegional",
    "Semaforo",
    "Serie",
    "ServicioUsado",
    "SinDestino",
    "Solicitud",
    "Tablero",
    "Tema",
    "TipoAmbito",
    "TipoContacto",
    "TipoDestino",
    "TipoEmpresa",
    "Trimestre",
    "Usuario",
    "Vigencia",
    "cargar_parametros",
    "enrutar_solicitud",
    "exigir",
    "fecha_bogota",
    "informe",
    "normalizar_nit",
    "parsear_pesos",
    "puede",
    "regional",
    "relacionamiento",
    "segmento_empresa",
    "segmento_regional",
    "serie",
    "tipo_empresa",
    "validar_pesos",
]
