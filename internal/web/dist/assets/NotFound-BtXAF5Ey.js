<<<<<<<< HEAD:internal/web/dist/assets/NotFound-DZfG1hVq.js
import{P as a,Q as e,K as o,O as s,R as r,S as n,D as p}from"./vue-CnaDW2Vg.js";import{_}from"./index-CaFbQUL3.js";import"./echarts-wy-C_BsU.js";import"./map-Bf2PPzNR.js";const h={__name:"NotFound",setup(c){const t=o();return(u,i)=>(s(),a(_,{title:"404"},{default:e(()=>[r("p",null,n(p(t).path),1)]),_:1}))}};export{h as default};
========
import{P as a,Q as e,K as o,O as s,R as r,S as n,D as p}from"./vue-BwhYkfKI.js";import{_}from"./index-CL2IWa93.js";import"./echarts-CeK5M650.js";import"./map-Bf2PPzNR.js";const h={__name:"NotFound",setup(c){const t=o();return(u,i)=>(s(),a(_,{title:"404"},{default:e(()=>[r("p",null,n(p(t).path),1)]),_:1}))}};export{h as default};
>>>>>>>> t19d:internal/web/dist/assets/NotFound-BtXAF5Ey.js
