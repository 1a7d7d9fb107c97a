<<<<<<<< HEAD:internal/web/dist/assets/WhoWhen-B1r96fvn.js
import{g as t}from"./index-CaFbQUL3.js";import{O as a,U as n,S as c,D as o}from"./vue-CnaDW2Vg.js";const s={class:"who-when"},l={__name:"WhoWhen",props:{change:{type:Object,default:null}},setup(e){return(r,h)=>(a(),n("span",s,c(e.change?e.change.actor+" · "+o(t)(e.change.time):"—"),1))}};export{l as _};
========
import{g as t}from"./index-CL2IWa93.js";import{O as a,U as n,S as c,D as o}from"./vue-BwhYkfKI.js";const s={class:"who-when"},l={__name:"WhoWhen",props:{change:{type:Object,default:null}},setup(e){return(r,h)=>(a(),n("span",s,c(e.change?e.change.actor+" · "+o(t)(e.change.time):"—"),1))}};export{l as _};
>>>>>>>> t19d:internal/web/dist/assets/WhoWhen-Bi3AY15Y.js
